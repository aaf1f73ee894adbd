using EdgeML.Compiler.Onnx;
using EdgeML.Compiler.Passes;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Compiler.Tests.Passes;

public class HardSwishFusionTests
{
    /// <summary>x · Clip(x + 3, 0, 6) / 6 as paddle2onnx writes it (opset 9 Clip attributes), or with the
    /// division first as Mul by 1/6 and opset 13 Clip inputs.</summary>
    private static OnnxModelBuilder Pieces(bool divideFirst, float three = 3, bool leakGate = false)
    {
        var m = new OnnxModelBuilder(divideFirst ? 13 : 9);
        m.Graph.Input("x", DataType.Float, 2, 37).Output("y", DataType.Float, null);
        if (leakGate) m.Graph.Output("g", DataType.Float, null);
        m.Graph.Initializer("three", [three]).Initializer("six", [6f]).Initializer("sixth", [1f / 6]).Initializer("zero", [0f]);
        m.Graph.Node("Add", ["x", "three"], ["a"]);
        if (divideFirst) m.Graph.Node("Clip", ["a", "zero", "six"], ["g"]);
        else m.Graph.Node("Clip", ["a"], ["g"]).Attr("min", 0f).Attr("max", 6f);
        if (divideFirst)
        {
            m.Graph.Node("Mul", ["g", "sixth"], ["d"]);
            m.Graph.Node("Mul", ["x", "d"], ["y"]);
        }
        else
        {
            m.Graph.Node("Mul", ["x", "g"], ["p"]);
            m.Graph.Node("Div", ["p", "six"], ["y"]);
        }
        return m;
    }

    private static Dictionary<string, Tensor> X() => new() { ["x"] = EdgeML.TestSupport.OpTester.Random("x", [2, 37], 1, -5, 5) };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rebuilds_hardswish_from_pieces(bool divideFirst)
    {
        var ir = PassTesting.Probed(Pieces(divideFirst));
        Assert.True(PassTesting.Run(new HardSwishFusion(), ir));
        Assert.Equal(["HardSwish"], PassTesting.Ops(ir));
        PassTesting.AssertSameResults(Pieces(divideFirst), X());
    }

    [Fact]
    public void Rebuilds_hardswish_from_hardsigmoid()
    {
        OnnxModelBuilder Build()
        {
            var m = new OnnxModelBuilder(13);
            m.Graph.Input("x", DataType.Float, 2, 37).Output("y", DataType.Float, null);
            m.Graph.Node("HardSigmoid", ["x"], ["h"]).Attr("alpha", 1f / 6).Attr("beta", 0.5f);
            m.Graph.Node("Mul", ["h", "x"], ["y"]);
            return m;
        }
        var ir = PassTesting.Probed(Build());
        Assert.True(PassTesting.Run(new HardSwishFusion(), ir));
        Assert.Equal(["HardSwish"], PassTesting.Ops(ir));
        PassTesting.AssertSameResults(Build(), X());
    }

    [Theory]
    [InlineData(2f, false)]
    [InlineData(3f, true)]
    public void Leaves_near_misses(float three, bool leakGate)
    {
        var ir = PassTesting.Probed(Pieces(false, three, leakGate));
        Assert.False(PassTesting.Run(new HardSwishFusion(), ir));
        Assert.Equal(4, ir.Graph.Nodes.Count);
        PassTesting.AssertSameResults(Pieces(false, three, leakGate), X());
    }
}
