using EdgeML.Training.Data;

namespace EdgeML.Training.Pipeline;

/// <summary>
/// Compiles model.onnx to model.edgeml with the feature baseline as a "MonitoringBaseline" section, through
/// EdgeML.Compiler once its public entry point exists. Until then it says so instead of writing a file.
/// </summary>
internal static class EdgeMLCompilation
{
    public const string BaselineSectionKind = "MonitoringBaseline";

    public static string TryCompile(string onnxPath, string edgemlPath, IReadOnlyList<FeatureBaseline> baseline)
    {
        var compiler = Type.GetType("EdgeML.Compiler.ModelCompiler, EdgeML.Compiler");
        return compiler is null
            ? "not written: EdgeML.Compiler.ModelCompiler is not in this build yet (model.onnx and baseline.json are)"
            : "not written: the compiler exists but this branch has not been wired to it yet";
    }
}
