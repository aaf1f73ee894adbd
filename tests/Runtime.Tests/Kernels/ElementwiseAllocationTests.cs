using EdgeML.TestSupport;
using EdgeML.Compiler;
using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels;

/// <summary>The elementwise kernels allocate no managed memory once a session has run: a long chain of
/// them (every element-type path, broadcasting, scratch buffers) runs again without a byte.</summary>
public class ElementwiseAllocationTests
{
    [Fact]
    public void A_chain_of_elementwise_operators_allocates_nothing_after_the_first_run()
    {
        var m = new OnnxModelBuilder(20);
        var g = m.Graph;
        g.Input("x", DataType.Float, 2, 3, 4).Input("b", DataType.Float, 4);
        g.Output("out", DataType.Float, null).Output("ints", DataType.Int32, null).Output("mask", DataType.Bool, null).Output("half", DataType.Float16, null);
        g.Initializer("two", [2f], 1).Initializer("lo", ConstantTensor.From<float>(DataType.Float, [], [-0.5f])).Initializer("hi", ConstantTensor.From<float>(DataType.Float, [], [0.75f]));
        g.Initializer("axis", ConstantTensor.From<long>(DataType.Int64, [], [1L])).Initializer("e", ConstantTensor.From<int>(DataType.Int32, [1], [2]));
        g.Initializer("seven", ConstantTensor.From<int>(DataType.Int32, [1], [7])).Initializer("shift", ConstantTensor.From<byte>(DataType.UInt8, [1], [1]));
        g.Node("Add", ["x", "b"], ["a1"]);
        g.Node("Abs", ["a1"], ["a2"]);
        g.Node("Sigmoid", ["a2"], ["a3"]);
        g.Node("Elu", ["a1"], ["a4"]).Attr("alpha", 0.5f);
        g.Node("Max", ["a3", "a4", "b"], ["a5"]);
        g.Node("Mean", ["a5", "a1"], ["a6"]);
        g.Node("Clip", ["a6", "lo", "hi"], ["a7"]);
        g.Node("Pow", ["a7", "e"], ["a8"]);
        g.Node("Gelu", ["a8"], ["a9"]);
        g.Node("Erf", ["a9"], ["a10"]);
        g.Node("CumSum", ["a10", "axis"], ["a11"]).Attr("reverse", 1L);
        g.Node("Div", ["a11", "two"], ["a12"]);
        g.Node("Cast", ["a12"], ["h1"]).Attr("to", (long)DataType.Float16);
        g.Node("Softplus", ["h1"], ["h2"]);
        g.Node("Sum", ["h2", "h1", "h2"], ["half"]);
        g.Node("Cast", ["half"], ["f1"]).Attr("to", (long)DataType.Float);
        g.Node("Greater", ["f1", "a12"], ["c1"]);
        g.Node("Not", ["c1"], ["c2"]);
        g.Node("IsNaN", ["f1"], ["c3"]);
        g.Node("Or", ["c2", "c3"], ["mask"]);
        g.Node("Where", ["mask", "f1", "a12"], ["out"]);
        g.Node("Mul", ["x", "two"], ["s1"]);
        g.Node("Cast", ["s1"], ["i1"]).Attr("to", (long)DataType.Int32);
        g.Node("Mod", ["i1", "seven"], ["i2"]);
        g.Node("Cast", ["i2"], ["u1"]).Attr("to", (long)DataType.UInt8);
        g.Node("BitShift", ["u1", "shift"], ["u2"]).Attr("direction", "LEFT");
        g.Node("BitwiseNot", ["u2"], ["u3"]);
        g.Node("CastLike", ["u3", "i2"], ["i3"]);
        g.Node("Neg", ["i3"], ["i4"]);
        g.Node("Min", ["i4", "i2"], ["ints"]);

        var compiled = ModelCompiler.Compile(OnnxImporter.Load(m.ToBytes(), null), new CompileOptions());
        using var model = EdgeMLModel.FromBytes(compiled.Bytes);
        using var session = new InferenceSession(model);
        var rng = new Random(3);
        var x = session.Input("x");
        x.Allocate(DataType.Float, [2, 3, 4]);
        foreach (ref var v in x.Span<float>()) v = (float)(rng.NextDouble() * 6 - 3);
        var b = session.Input("b");
        b.Allocate(DataType.Float, [4]);
        foreach (ref var v in b.Span<float>()) v = (float)(rng.NextDouble() * 2 - 1);

        Assert.Equal(0, AllocationMeter.SteadyStateBytes(session.Run, runsPerWindow: 3));
        Assert.Equal([2L, 3L, 4L], session.Output("out").Shape.ToArray());
    }
}
