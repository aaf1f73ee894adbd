using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

public class ZipMapTests
{
    [Fact]
    public void String_labels_match_onnx_runtime()
    {
        var (m, n) = MlModel.Single("ZipMap", 1, g => g.Input("X", DataType.Float, 3, 3).SequenceOfMapsOutput("Z", DataType.String, DataType.Float), ["X"], ["Z"]);
        n.Attr("classlabels_strings", new[] { "setosa", "versicolor", "virginica" }.Reverse().ToArray());
        var x = MlModel.Floats([3, 3], 4, 0, 1);
        var z = OpTester.RunEdgeML(m.ToBytes(), MlModel.X(x))[0];
        Assert.Equal(ValueKind.Sequence, z.Kind);
        Assert.Equal(3, z.Items.Count);
        Assert.Equal(ValueKind.Map, z.Items[1].Kind);
        // Keys in ascending order; "virginica" was column 0.
        Assert.Equal(["setosa", "versicolor", "virginica"], z.Items[1].Items[0].Strings.ToArray());
        Assert.Equal(x.ReadOnlySpan<float>()[3], z.Items[1].Items[1].ReadOnlySpan<float>()[2]);
        OpTester.AssertMatchesOrt(m, MlModel.X(x));
    }

    [Fact]
    public void Int64_labels_match_onnx_runtime()
    {
        var (m, n) = MlModel.Single("ZipMap", 1, g => g.Input("X", DataType.Float, 2, 4).SequenceOfMapsOutput("Z", DataType.Int64, DataType.Float), ["X"], ["Z"]);
        n.Attr("classlabels_int64s", new long[] { 5, -1, 3, 10 });
        OpTester.AssertMatchesOrt(m, MlModel.X(MlModel.Floats([2, 4], 5, 0, 1)));
    }
}
