using EdgeML.Compiler.Onnx;
using EdgeML.Compiler.Passes;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Compiler.Tests.Passes;

public class ConvAffineFoldingTests
{
    private static OnnxModelBuilder Build(long[] scaleShape, long[] shiftShape, bool sub = false)
    {
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("x", DataType.Float, 1, 4, 6, 5).Output("y", DataType.Float, null);
        m.Graph.Initializer("w", PassTesting.Random(6 * 4 * 3 * 3, 2), 6, 4, 3, 3);
        m.Graph.Initializer("b", PassTesting.Random(6, 3), 6);
        m.Graph.Initializer("s", PassTesting.Random((int)scaleShape.Aggregate(1L, (a, b) => a * b), 4), scaleShape);
        m.Graph.Initializer("t", PassTesting.Random((int)shiftShape.Aggregate(1L, (a, b) => a * b), 5), shiftShape);
        m.Graph.Node("Conv", ["x", "w", "b"], ["c"]);
        m.Graph.Node("Mul", ["s", "c"], ["m"]);
        m.Graph.Node(sub ? "Sub" : "Add", ["m", "t"], ["a"]);
        m.Graph.Node("Relu", ["a"], ["y"]);
        return m;
    }

    [Theory]
    [InlineData(new long[] { 1 }, new long[] { }, false)]
    [InlineData(new long[] { 1, 6, 1, 1 }, new long[] { 6, 1, 1 }, false)]
    [InlineData(new long[] { 6, 1, 1 }, new long[] { 1 }, true)]
    public void Folds_scalar_and_per_channel_scales_and_shifts(long[] scale, long[] shift, bool sub)
    {
        var ir = PassTesting.Probed(Build(scale, shift, sub));
        Assert.True(PassTesting.Run(new ConvAffineFolding(), ir));
        Assert.Equal(["Conv", "Relu"], PassTesting.Ops(ir));
        PassTesting.AssertSameResults(Build(scale, shift, sub), PassTesting.Input("x", [1, 4, 6, 5]));
    }

    [Fact]
    public void Leaves_constants_that_vary_across_space()
    {
        var ir = PassTesting.Probed(Build([1, 6, 4, 3], [1]));
        Assert.False(PassTesting.Run(new ConvAffineFolding(), ir));
        Assert.Equal(["Conv", "Mul", "Add", "Relu"], PassTesting.Ops(ir));
        PassTesting.AssertSameResults(Build([1, 6, 4, 3], [1]), PassTesting.Input("x", [1, 4, 6, 5]));
    }
}
