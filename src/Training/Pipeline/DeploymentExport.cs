using System.Text.Json;
using EdgeML.Training.Data;
using EdgeML.Training.Models;
using EdgeML.Training.Monitoring;
using EdgeML.Training.Preparation;
using EdgeML.Runtime.IO;

namespace EdgeML.Training.Pipeline;

/// <summary>What the export produced and how closely each engine reproduces the trained model on the test split.</summary>
public sealed record DeploymentReport(ExportAgreement? OnnxRuntime, EdgeMLBuild EdgeML, ExportAgreement? EdgeMLVsTrained, ExportAgreement? EdgeMLVsOnnxRuntime);

/// <summary>
/// Writes the deployable artefacts of the chosen model: model.onnx (checked with ONNX Runtime), baseline.json and
/// model.edgeml (compiled by EdgeML, carrying the metadata and the feature baseline, checked with the EdgeML
/// runtime against both the trained model and ONNX Runtime).
/// </summary>
internal static class DeploymentExport
{
    public static DeploymentReport Run(string outputDirectory, FeaturePreprocessor preprocessor, TrainedModel model, LearningTask task,
        IReadOnlyList<string> classes, double threshold, IReadOnlyDictionary<string, string> metadata, DataTable trainTable, DataTable testTable,
        ModelOutput expected, int[]? expectedLabels)
    {
        var onnxPath = Path.Combine(outputDirectory, "model.onnx");
        OnnxExport.Build(preprocessor, model, task, classes, threshold, metadata).Save(onnxPath);
        var numeric = preprocessor.NumericColumns;
        var categorical = preprocessor.CategoricalColumns;
        var onnxRuntime = testTable.RowCount > 0 ? OnnxVerification.Run(onnxPath, testTable, numeric, categorical, task) : null;

        var baseline = FeatureBaseline.Compute(trainTable, numeric.Concat(categorical));
        AtomicFile.WriteText(Path.Combine(outputDirectory, "baseline.json"), JsonSerializer.Serialize(baseline, TrainingConfig.JsonOptions));
        var edgemlPath = Path.Combine(outputDirectory, "model.edgeml");
        var build = EdgeMLCompilation.TryCompile(onnxPath, edgemlPath, metadata, BaselineSectionWriter.Write(baseline, trainTable.RowCount));
        var edgeml = build.Written && testTable.RowCount > 0 ? EdgeMLVerification.Run(edgemlPath, testTable, numeric, categorical, task) : null;

        return new DeploymentReport(
            onnxRuntime?.Against(expected, expectedLabels, task),
            build,
            edgeml?.Against(expected, expectedLabels, task),
            edgeml is null || onnxRuntime is null ? null : edgeml.Against(onnxRuntime));
    }
}
