using EdgeML.Runtime;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Monitoring;
using EdgeML.TestSupport;
using EdgeML.Training.Data;
using EdgeML.Training.Monitoring;
using EdgeML.Training.Pipeline;
using RuntimeBaseline = EdgeML.Runtime.Monitoring.FeatureBaseline;
using TrainingBaseline = EdgeML.Training.Data.FeatureBaseline;

namespace EdgeML.Training.Tests;

/// <summary>The feature baseline travels inside model.edgeml and the device reads back what training measured.</summary>
public sealed class MonitoringBaselineTests
{
    private static DataTable SmallTable() => new(
    [
        new DataColumn("x", ColumnKind.Numeric, [1, 2, 3, 4, double.NaN], null),
        new DataColumn("colour", ColumnKind.Categorical, null, ["a", "a", "b", null, "a"]),
    ]);

    [Fact]
    public void BaselineAndMetadataRoundTripThroughACompiledEdgeMLFile()
    {
        var directory = SharedData.TempDirectory();
        var onnx = Path.Combine(directory, "model.onnx");
        var edgeml = Path.Combine(directory, "model.edgeml");
        SmallModels.AffineRelu().Save(onnx);
        var table = SmallTable();
        var section = BaselineSectionWriter.Write(TrainingBaseline.Compute(table, ["x", "colour"]), table.RowCount);
        var metadata = new Dictionary<string, string>
        {
            [DeploymentMetadata.Classes] = "[\"no\",\"yes\"]",
            [DeploymentMetadata.ConfidenceThreshold] = "0.7",
            [DeploymentMetadata.ConfidencePolicy] = "clarify",
        };

        var build = EdgeMLCompilation.TryCompile(onnx, edgeml, metadata, section);

        Assert.True(build.Written, build.Status);
        using var model = EdgeMLModel.Load(edgeml);
        Assert.Equal("clarify", model.Definition.Metadata[DeploymentMetadata.ConfidencePolicy]);
        Assert.Equal("0.7", model.Definition.Metadata[DeploymentMetadata.ConfidenceThreshold]);
        Assert.Equal("[\"no\",\"yes\"]", model.Definition.Metadata[DeploymentMetadata.Classes]);
        var baseline = RuntimeBaseline.FromModel(model.Definition)!;
        Assert.Equal(5u, baseline.TrainingRows);

        // x = 1, 2, 3, 4 and one missing: missing 1/5, mean 2.5, sample std sqrt(5/3), median 2.5,
        // 10 equal bins over [1, 4]: 1 → bin 0, 2 → bin 3 (3.33), 3 → bin 6 (6.67), 4 → the last bin.
        var x = baseline.Find("x")!;
        Assert.Equal(BaselineFeatureKind.Numeric, x.Kind);
        Assert.Equal(0.2f, x.MissingRate);
        Assert.Equal(2.5f, x.Mean);
        Assert.Equal((float)Math.Sqrt(5.0 / 3), x.StandardDeviation, 6);
        Assert.Equal(2.5f, x.QuantileValues[Array.IndexOf(x.QuantileLevels, 0.5f)]);
        Assert.Equal(1f, x.QuantileValues[0]);
        Assert.Equal(4f, x.QuantileValues[^1]);
        Assert.Equal(11, x.HistogramEdges.Length);
        Assert.Equal([1u, 0, 0, 1, 0, 0, 1, 0, 0, 1], x.HistogramCounts);
        Assert.Equal(3, x.Bin(2f));
        Assert.Equal(9, x.Bin(4f));
        Assert.Equal(-1, x.Bin(0.5f));
        Assert.Equal(10, x.Bin(4.5f));

        // colour = a, a, b, missing, a: missing 1/5; a 3/4 and b 1/4 of the present values.
        var colour = baseline.Find("colour")!;
        Assert.Equal(BaselineFeatureKind.Categorical, colour.Kind);
        Assert.Equal(0.2f, colour.MissingRate);
        Assert.Equal([("a", 0.75f), ("b", 0.25f)], colour.Categories);
    }

    [Fact]
    public void CorruptOrNewerSectionsAreOneClearError()
    {
        var table = SmallTable();
        var section = BaselineSectionWriter.Write(TrainingBaseline.Compute(table, ["x", "colour"]), table.RowCount);
        var truncated = Assert.Throws<EdgeMLException>(() => RuntimeBaseline.Read(section.AsSpan(0, section.Length - 3)));
        Assert.Contains("MonitoringBaseline section", truncated.Message);
        var newer = (byte[])section.Clone();
        newer[4] = 2;
        Assert.Contains("unsupported monitoring baseline version 2", Assert.Throws<EdgeMLException>(() => RuntimeBaseline.Read(newer)).Message);
        var wrongMagic = (byte[])section.Clone();
        wrongMagic[0] = (byte)'X';
        Assert.Contains("magic", Assert.Throws<EdgeMLException>(() => RuntimeBaseline.Read(wrongMagic)).Message);
        var trailing = section.Append((byte)0).ToArray();
        Assert.Contains("after the last feature", Assert.Throws<EdgeMLException>(() => RuntimeBaseline.Read(trailing)).Message);
    }
}
