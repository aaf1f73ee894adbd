namespace EdgeML.Compiler.Passes;

/// <summary>What passes share: compile options and a log of what each pass did.</summary>
public sealed class PassContext
{
    public PassContext(CompileOptions options) => Options = options;

    public CompileOptions Options { get; }
    public List<string> Log { get; } = new();
    public List<string> Warnings { get; } = new();
}
