using EdgeML.Compiler.Onnx;
using EdgeML.Compiler.Passes;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Compiler.Tests.Passes;

public class BatchNormFoldingTests
{
    private static OnnxModelBuilder ConvBn(bool bias, bool extraReader = false, long training = 0)
    {
        var m = new OnnxModelBuilder(15);
        m.Graph.Input("x", DataType.Float, 1, 3, 7, 6).Output("y", DataType.Float, null);
        if (extraReader) m.Graph.Output("c", DataType.Float, null);
        m.Graph.Initializer("w", PassTesting.Random(5 * 3 * 3 * 3, 2), 5, 3, 3, 3);
        m.Graph.Initializer("b", PassTesting.Random(5, 3), 5);
        m.Graph.Initializer("scale", PassTesting.Random(5, 4, 0.5f, 2), 5).Initializer("shift", PassTesting.Random(5, 5), 5);
        m.Graph.Initializer("mean", PassTesting.Random(5, 6), 5).Initializer("var", PassTesting.Random(5, 7, 0.1f, 3), 5);
        m.Graph.Node("Conv", bias ? ["x", "w", "b"] : ["x", "w"], ["c"]).Attr("pads", new long[] { 1, 1, 1, 1 });
        var bn = m.Graph.Node("BatchNormalization", ["c", "scale", "shift", "mean", "var"], ["bn"]).Attr("epsilon", 1e-3f);
        if (training != 0) bn.Attr("training_mode", training);
        m.Graph.Node("Relu", ["bn"], ["y"]);
        return m;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Folds_into_conv(bool bias)
    {
        var ir = PassTesting.Probed(ConvBn(bias));
        Assert.True(PassTesting.Run(new BatchNormFolding(), ir));
        Assert.Equal(["Conv", "Relu"], PassTesting.Ops(ir));
        PassTesting.AssertSameResults(ConvBn(bias), PassTesting.Input("x", [1, 3, 7, 6]));
    }

    [Fact]
    public void Leaves_a_conv_output_read_elsewhere()
    {
        var ir = PassTesting.Probed(ConvBn(true, extraReader: true));
        Assert.False(PassTesting.Run(new BatchNormFolding(), ir));
        Assert.Equal(1, PassTesting.Count(ir, "BatchNormalization"));
        PassTesting.AssertSameResults(ConvBn(true, extraReader: true), PassTesting.Input("x", [1, 3, 7, 6]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Folds_into_gemm(bool transB)
    {
        OnnxModelBuilder Build()
        {
            var m = new OnnxModelBuilder(15);
            m.Graph.Input("x", DataType.Float, 4, 9).Output("y", DataType.Float, null);
            m.Graph.Initializer("w", PassTesting.Random(9 * 6, 2), transB ? [6, 9] : [9, 6]);
            m.Graph.Initializer("c", PassTesting.Random(6, 3), 6);
            m.Graph.Initializer("scale", PassTesting.Random(6, 4, 0.5f, 2), 6).Initializer("shift", PassTesting.Random(6, 5), 6);
            m.Graph.Initializer("mean", PassTesting.Random(6, 6), 6).Initializer("var", PassTesting.Random(6, 7, 0.1f, 3), 6);
            m.Graph.Node("Gemm", ["x", "w", "c"], ["g"]).Attr("transB", transB ? 1L : 0L).Attr("beta", 0.5f).Attr("alpha", 2f);
            m.Graph.Node("BatchNormalization", ["g", "scale", "shift", "mean", "var"], ["y"]);
            return m;
        }
        var ir = PassTesting.Probed(Build());
        Assert.True(PassTesting.Run(new BatchNormFolding(), ir));
        Assert.Equal(["Gemm"], PassTesting.Ops(ir));
        PassTesting.AssertSameResults(Build(), PassTesting.Input("x", [4, 9]));
    }
}
