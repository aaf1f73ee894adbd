using EdgeML.Compiler.Onnx;
using EdgeML.Runtime;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Compiler.Tests.Onnx;

/// <summary>The builder features the training exports rely on: fresh names, nested nodes, loading and splicing.</summary>
public class OnnxGraphBuilderTests
{
    [Fact]
    public void Fresh_names_never_collide_with_names_already_in_the_graph()
    {
        var g = new OnnxGraphBuilder();
        g.Input("add_0", DataType.Float, 1);
        g.Initializer("add_1", [1f], 1);
        var name = g.Apply("Add", "add_0", "add_1").Output;
        Assert.NotEqual("add_0", name);
        Assert.NotEqual("add_1", name);
        Assert.NotEqual(name, g.FreshName("add"));
    }

    [Fact]
    public void Nested_applies_build_a_graph_that_computes_what_they_say()
    {
        // y = relu(x * 2 - 3), built by nesting: each Apply converts to its output's name.
        var m = new OnnxModelBuilder(14);
        var g = m.Graph;
        g.Input("x", DataType.Float, "N", 2);
        g.Node("Identity", [g.Apply("Relu", g.Apply("Sub", g.Apply("Mul", "x", g.Scalar(2)), g.Constant("three", [3f], 1)))], ["y"]);
        g.Output("y", DataType.Float, "N", 2);
        Assert.Equal(["Mul", "Sub", "Relu", "Identity"], g.OperatorTypes);
        Assert.Equal([0f, 0f, 1f, 5f], Run(m, [1f, 1.5f, 2f, 4f], 2, 2));
    }

    [Fact]
    public void A_loaded_graph_is_spliced_with_only_the_nodes_the_wanted_output_needs()
    {
        // Source model: out = x * w + b, and an unrelated branch (Relu of x) that must not be copied.
        var source = new OnnxModelBuilder(14).Metadata("k", "v");
        source.Graph.Input("x", DataType.Float, "N", 2).Initializer("w", [2f, 3f], 2).Initializer("b", [1f, -1f], 2).Initializer("unused", [9f], 1);
        source.Graph.Node("Mul", ["x", "w"], ["xw"]);
        source.Graph.Node("Add", ["xw", "b"], ["out"]);
        source.Graph.Node("Relu", ["x"], ["other"]);
        source.Graph.Output("out", DataType.Float, "N", 2).Output("other", DataType.Float, "N", 2);
        var loaded = OnnxModelBuilder.Load(source.ToBytes());
        Assert.Equal("v", loaded.MetadataEntries["k"]);
        Assert.Equal(["out", "other"], loaded.Graph.OutputNames);

        // Target: features = input - 1, then the spliced affine map, twice (the prefix keeps the copies apart).
        var target = new OnnxModelBuilder(14);
        var g = target.Graph;
        g.Input("input", DataType.Float, "N", 2);
        var features = g.Apply("Sub", "input", g.Scalar(1)).Output;
        var first = g.Splice(loaded.Graph, new Dictionary<string, string> { ["x"] = features }, "a/", ["out"])[0];
        var second = g.Splice(loaded.Graph, new Dictionary<string, string> { ["x"] = first }, "b/", ["out"])[0];
        g.Node("Identity", [second], ["y"]);
        g.Output("y", DataType.Float, "N", 2);
        Assert.Equal(["Sub", "Mul", "Add", "Mul", "Add", "Identity"], g.OperatorTypes);
        // input 3 → 2 → 2·2+1 = 5 → 5·2+1 = 11; input 2 → 1 → 1·3−1 = 2 → 2·3−1 = 5
        Assert.Equal([11f, 5f], Run(target, [3f, 2f], 1, 2));
    }

    [Fact]
    public void Splicing_a_value_the_graph_lacks_is_an_error()
    {
        var source = new OnnxModelBuilder(14);
        source.Graph.Input("x", DataType.Float, 1);
        var e = Assert.Throws<ArgumentException>(() => new OnnxGraphBuilder().Splice(source.Graph, new Dictionary<string, string>(), "p/", ["nope"]));
        Assert.Contains("'nope'", e.Message);
    }

    [Fact]
    public void String_initializers_and_opset_imports_survive_a_round_trip()
    {
        var m = new OnnxModelBuilder(12).Opset(OnnxModelBuilder.MlDomain, 2);
        var name = m.Graph.Constant("keys", ["a", "b"], 2);
        var loaded = OnnxModelBuilder.Load(m.ToBytes());
        Assert.Equal(2, loaded.Opsets[OnnxModelBuilder.MlDomain]);
        Assert.Equal(12, loaded.Opsets[""]);
        // splicing with no prefix would reuse a name the loaded graph already has: refused, not silently shadowed
        Assert.Throws<ArgumentException>(() => loaded.Graph.Splice(m.Graph, new Dictionary<string, string>(), "", [name]));
    }

    [Fact]
    public void Loading_garbage_is_one_clear_error()
    {
        Assert.Contains("not a valid ONNX model", Assert.Throws<EdgeMLException>(() => OnnxModelBuilder.Load([0xff, 0xff, 0xff])).Message);
        Assert.Contains("empty", Assert.Throws<EdgeMLException>(() => OnnxModelBuilder.Load([])).Message);
    }

    private static float[] Run(OnnxModelBuilder model, float[] input, long rows, long columns)
    {
        using var compiled = EdgeMLModel.FromBytes(SmallModels.Compile(model));
        using var session = new InferenceSession(compiled);
        session.SetInput<float>(session.Inputs[0].Name, input, [rows, columns], DataType.Float);
        session.Run();
        return session.Output(0).ReadOnlySpan<float>().ToArray();
    }
}
