using EdgeML.Compiler.IR;
using EdgeML.Compiler.Onnx;
using EdgeML.Compiler.Passes;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Compiler.Tests.Passes;

public class PassTests
{
    private static IrModel Import(OnnxModelBuilder m) => OnnxImporter.Load(m.ToBytes(), null);

    [Fact]
    public void Dead_node_elimination_removes_unused_chains_only()
    {
        var m = new OnnxModelBuilder(14);
        m.Graph.Input("x", DataType.Float, 3).Output("y", DataType.Float, 3);
        m.Graph.Node("Relu", ["x"], ["y"]);
        m.Graph.Node("Mul", ["x", "x"], ["dead1"]);
        m.Graph.Node("Add", ["dead1", "x"], ["dead2"]);
        var ir = Import(m);
        Assert.True(new DeadNodeElimination().Run(ir, new PassContext(new CompileOptions())));
        Assert.Equal(["Relu"], ir.Graph.Nodes.Select(n => n.OpType));
        Assert.False(new DeadNodeElimination().Run(ir, new PassContext(new CompileOptions())));
    }

    [Fact]
    public void Constant_folding_replaces_constant_subgraphs_and_keeps_results()
    {
        var m = new OnnxModelBuilder(14);
        m.Graph.Input("x", DataType.Float, 3).Output("y", DataType.Float, 3);
        m.Graph.Initializer("a", [1f, 2f, 3f], 3).Initializer("b", [10f, 20f, 30f], 3);
        m.Graph.Node("Mul", ["a", "b"], ["ab"]);
        m.Graph.Node("Add", ["ab", "a"], ["k"]);
        m.Graph.Node("Add", ["x", "k"], ["y"]);
        var before = OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = OpTester.Make<float>("x", DataType.Float, [3], 1, 1, 1) });

        var ir = Import(m);
        Assert.True(new ConstantFolding().Run(ir, new PassContext(new CompileOptions())));
        Assert.Single(ir.Graph.Nodes);
        Assert.Equal([11f, 42f, 93f], ir.Graph.Nodes[0].Inputs[1]!.Constant!.Span<float>().ToArray());
        Assert.Equal([12f, 43f, 94f], before[0].ReadOnlySpan<float>().ToArray());
    }

    [Fact]
    public void No_op_elimination_drops_identity_and_inference_dropout_but_keeps_graph_outputs()
    {
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("x", DataType.Float, 3).Output("y", DataType.Float, 3).Output("mask", DataType.Bool, 3);
        m.Graph.Node("Identity", ["x"], ["a"]);
        m.Graph.Node("Dropout", ["a"], ["b"]);
        m.Graph.Node("Relu", ["b"], ["c"]);
        m.Graph.Node("Dropout", ["c"], ["d", "mask"]);
        m.Graph.Node("Identity", ["d"], ["y"]);
        var ir = Import(m);
        Assert.True(new NoOpElimination().Run(ir, new PassContext(new CompileOptions())));
        // The first Identity and Dropout go; the Dropout with a used mask and the Identity that
        // writes the graph output stay.
        Assert.Equal(["Relu", "Dropout", "Identity"], ir.Graph.Nodes.Select(n => n.OpType));
        Assert.Same(ir.Graph.Inputs[0], ir.Graph.Nodes[0].Inputs[0]);
    }

    [Fact]
    public void Shape_inference_records_types_and_probed_shapes()
    {
        var ir = Import(SmallModels.AffineRelu());
        var context = new PassContext(new CompileOptions { Dims = { ["N"] = 5 } });
        Assert.True(new ShapeInference().Run(ir, context));
        var z = ir.Graph.Nodes[1].Outputs[0]!;
        Assert.Equal(DataType.Float, z.Type);
        Assert.Equal([5L, 4L], z.ProbedShape!);
    }
}
