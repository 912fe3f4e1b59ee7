namespace OneArmDesigner.Import.Tests;

/// <summary>
/// The 60 public ASA configurations in shared/asa-corpus (other projects' test data, kept outside this repository,
/// beside the work tree, or wherever ASA_CORPUS points): whatever each holds, the importer either makes a design and
/// accounts for every line, or refuses with reasons that name the file. It never throws. On a machine without the
/// corpus the tests say so and are skipped.
/// </summary>
public sealed class CorpusTests
{
    private static string CorpusFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OneArmDesigner.sln")))
        {
            folder = folder.Parent;
        }

        return Environment.GetEnvironmentVariable("ASA_CORPUS") ?? Path.Combine(folder?.Parent?.FullName ?? "/", "shared", "asa-corpus");
    }

    private static void SkipWithoutCorpus() =>
        Skip.IfNot(Directory.Exists(CorpusFolder()), $"The ASA corpus is not at {CorpusFolder()}; set ASA_CORPUS to its folder to run these tests.");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        if (!Directory.Exists(CorpusFolder()))
        {
            // One case that reports the skip, rather than a theory with no data.
            data.Add("(no corpus)");
            return data;
        }

        foreach (var file in Directory.GetFiles(CorpusFolder()).Where(f => Path.GetFileName(f) != "SOURCES.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [SkippableFact]
    public void The_corpus_holds_sixty_configurations()
    {
        SkipWithoutCorpus();
        Assert.Equal(60, Files().Count);
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Every_line_is_modelled_or_reported_or_the_file_is_refused_with_reasons(string name)
    {
        SkipWithoutCorpus();
        var path = Path.Combine(CorpusFolder(), name);
        var lines = File.ReadAllLines(path);

        var result = ConfigurationImporter.Import([new ImportFile(name, File.ReadAllBytes(path))], null);

        if (!result.Succeeded)
        {
            Assert.NotEmpty(result.Problems);
            Assert.All(result.Problems, p => Assert.Equal(name, p.File));
            return;
        }

        var summary = Assert.Single(result.Report!.Files);
        Assert.Equal(lines.Count(l => l.Trim().Length > 0), summary.Modelled + summary.Ignored + summary.NotModelled + summary.Comments);
        var reported = result.Report.Lines.SelectMany(l => Enumerable.Range(l.Line, l.EndLine - l.Line + 1)).ToHashSet();
        Assert.Equal(summary.Ignored + summary.NotModelled, reported.Count);
        Assert.All(result.Report.Lines, l => Assert.False(string.IsNullOrWhiteSpace(l.Reason)));
    }
}
