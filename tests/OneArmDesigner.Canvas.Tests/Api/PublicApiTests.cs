using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using OneArmDesigner.Canvas.Blazor;

namespace OneArmDesigner.Canvas.Tests.Api;

/// <summary>
/// Guards the public surface the app builds on. When a change to it is intended, copy
/// <c>PublicApi.received.txt</c> from the test output folder over <c>Api/PublicApi.approved.txt</c>.
/// </summary>
public class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesTheApprovedListing()
    {
        var actual = Describe(typeof(Diagram).Assembly) + Describe(typeof(DiagramCanvas).Assembly);
        var approvedPath = RepositoryFiles.PathOf("tests", "OneArmDesigner.Canvas.Tests", "Api", "PublicApi.approved.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";

        if (actual != approved)
        {
            var receivedPath = Path.Combine(AppContext.BaseDirectory, "PublicApi.received.txt");
            File.WriteAllText(receivedPath, actual);
            var added = actual.Split('\n').Except(approved.Split('\n'));
            var removed = approved.Split('\n').Except(actual.Split('\n'));
            Assert.Fail(
                $"The public API changed. Review, then copy {receivedPath} over {approvedPath}.\n" +
                $"Added:\n  {string.Join("\n  ", added)}\nRemoved:\n  {string.Join("\n  ", removed)}");
        }
    }

    private static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').Append(Name(type));
            if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
            {
                text.Append(" : ").Append(Name(b));
            }

            text.Append('\n');
            foreach (var member in Members(type))
            {
                text.Append("  ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static IEnumerable<string> Members(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.IsEnum)
        {
            return Enum.GetNames(type).Select(n => $"{n} = {Convert.ToInt64(Enum.Parse(type, n), System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return type.GetMembers(flags)
            .Where(Visible)
            .Where(m => !m.IsDefined(typeof(CompilerGeneratedAttribute)))
            .Select(Signature)
            .OfType<string>()
            .Order(StringComparer.Ordinal);
    }

    private static bool Visible(MemberInfo member) => member switch
    {
        MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
        PropertyInfo p => p.GetAccessors(nonPublic: true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        EventInfo e => e.AddMethod is { } add && (add.IsPublic || add.IsFamily),
        _ => false,
    };

    private static string? Signature(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"{Protected(c)}ctor({Parameters(c)})",
        MethodInfo m when m.IsSpecialName => null,
        MethodInfo m => $"{Protected(m)}{Static(m)}{Name(m.ReturnType)} {m.Name}{Generic(m)}({Parameters(m)})",
        PropertyInfo p => $"{Protected(p.GetAccessors(true)[0])}{Static(p.GetAccessors(true)[0])}{Name(p.PropertyType)} {p.Name}{Indexer(p)} {{ {Accessors(p)}}}",
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{Name(f.FieldType)} {f.Name}",
        EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
        _ => null,
    };

    private static string Accessors(PropertyInfo p)
    {
        var text = new StringBuilder();
        if (p.GetMethod is { } get && (get.IsPublic || get.IsFamily))
        {
            text.Append("get; ");
        }

        if (p.SetMethod is { } set && (set.IsPublic || set.IsFamily))
        {
            var init = set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
            text.Append(init ? "init; " : "set; ");
        }

        return text.ToString();
    }

    private static string Static(MethodBase m) => m.IsStatic ? "static " : "";

    private static string Protected(MethodBase m) => m.IsFamily || m.IsFamilyOrAssembly ? "protected " : "";

    private static string Indexer(PropertyInfo p) => p.GetIndexParameters() is { Length: > 0 } index
        ? $"[{string.Join(", ", index.Select(i => Name(i.ParameterType)))}]"
        : "";

    private static string Generic(MethodInfo m) =>
        m.IsGenericMethod ? $"<{string.Join(", ", m.GetGenericArguments().Select(Name))}>" : "";

    private static string Parameters(MethodBase m) => string.Join(", ", m.GetParameters().Select(p =>
        $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")}"));

    private static string Kind(Type t) =>
        t.IsEnum ? "enum" : t.IsInterface ? "interface" : t.IsValueType ? "struct" :
        t.IsAbstract && t.IsSealed ? "static class" : t.IsAbstract ? "abstract class" : t.IsSealed ? "sealed class" : "class";

    private static string Name(Type t)
    {
        if (Nullable.GetUnderlyingType(t) is { } inner)
        {
            return Name(inner) + "?";
        }

        if (t.IsByRef)
        {
            return "ref " + Name(t.GetElementType()!);
        }

        if (t.IsArray)
        {
            return Name(t.GetElementType()!) + "[]";
        }

        if (!t.IsGenericType)
        {
            return t.IsGenericParameter ? t.Name : t.FullName ?? t.Name;
        }

        var name = t.GetGenericTypeDefinition().FullName!;
        name = name[..name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", t.GetGenericArguments().Select(Name))}>";
    }
}
