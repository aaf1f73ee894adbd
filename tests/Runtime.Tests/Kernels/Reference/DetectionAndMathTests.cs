using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>NonMaxSuppression and Det beyond the conformance data.</summary>
public class DetectionAndMathTests
{
    [Theory]
    [InlineData(0L, 0.3f, true)]
    [InlineData(1L, 0.5f, false)]
    public void NonMaxSuppression_on_random_boxes_matches_onnx_runtime(long centerPointBox, float iou, bool scoreThreshold)
    {
        var m = new OnnxModelBuilder(11);
        m.Graph.Input("boxes", DataType.Float, 2, 40, 4).Input("scores", DataType.Float, 2, 3, 40).Output("sel", DataType.Int64, null, 3);
        m.Graph.Initializer("max", [5L], 1).Initializer("iou", [iou], 1);
        if (scoreThreshold) m.Graph.Initializer("st", [0.35f], 1);
        m.Graph.Node("NonMaxSuppression", ["boxes", "scores", "max", "iou", scoreThreshold ? "st" : ""], ["sel"]).Attr("center_point_box", centerPointBox);
        var boxes = OpTester.Random("boxes", [2, 40, 4], 7, 0, 10);
        if (centerPointBox == 1) foreach (ref var v in boxes.Span<float>()) v = Math.Abs(v) + 0.5f;
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["boxes"] = boxes, ["scores"] = OpTester.Random("scores", [2, 3, 40], 8, 0, 1) });
    }

    [Theory]
    [InlineData(new long[] { 3, 3 })]
    [InlineData(new long[] { 2, 4, 5, 5 })]
    [InlineData(new long[] { 1, 1 })]
    public void Det_matches_onnx_runtime(long[] shape)
    {
        var m = new OnnxModelBuilder(22);
        m.Graph.Input("x", DataType.Float, shape.Cast<object?>().ToArray()).Output("y", DataType.Float, null);
        m.Graph.Node("Det", ["x"], ["y"]);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["x"] = OpTester.Random("x", shape, 12, -2, 2) }, 1e-4, 1e-5);
    }

    [Fact]
    public void Det_of_a_singular_matrix_is_zero()
    {
        var m = new OnnxModelBuilder(22);
        m.Graph.Input("x", DataType.Float, 3, 3).Output("y", DataType.Float);
        m.Graph.Node("Det", ["x"], ["y"]);
        var y = OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = OpTester.Make<float>("x", DataType.Float, [3, 3], 1, 2, 3, 2, 4, 6, 0, 1, 5) })[0];
        Assert.Equal(0f, y.ReadOnlySpan<float>()[0]);
    }
}
