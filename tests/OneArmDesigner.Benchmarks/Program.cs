using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/OneArmDesigner.Benchmarks -- --filter '*'   (see docs/performance.md)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
