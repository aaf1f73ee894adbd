using Xunit;

namespace EdgeML.TestSupport;

/// <summary>A fact that needs ../shared/&lt;path&gt;: skipped, saying so, when it is absent (CI always has it).</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string path)
    {
        if (!TestPaths.HasShared(path)) Skip = $"needs ../shared/{path}, which is absent";
    }
}

/// <summary>A theory that needs ../shared/&lt;path&gt;: skipped, saying so, when it is absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute(string path)
    {
        if (!TestPaths.HasShared(path)) Skip = $"needs ../shared/{path}, which is absent";
    }
}
