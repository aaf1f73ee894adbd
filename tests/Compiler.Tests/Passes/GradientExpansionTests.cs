using EdgeML.Compiler.Onnx;
using EdgeML.Compiler.Passes;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Compiler.Tests.Passes;

public class GradientExpansionTests
{
    /// <summary>y = Tanh(Sigmoid(a * b + a) / b) - Exp(a) with a [2,3] and b [3] broadcast; the
    /// expanded gradients must match central finite differences of the same model.</summary>
    [Fact]
    public void Gradients_match_finite_differences_with_broadcasting()
    {
        float[] a = [0.3f, -0.7f, 1.1f, 0.2f, 0.9f, -1.3f];
        float[] b = [1.5f, -0.8f, 2.2f];
        var grads = Run(a, b, withGradient: true);
        const float h = 1e-3f;
        for (int i = 0; i < a.Length; i++)
        {
            var up = (float[])a.Clone(); up[i] += h;
            var down = (float[])a.Clone(); down[i] -= h;
            double numeric = (Sum(Run(up, b, false)[0]) - Sum(Run(down, b, false)[0])) / (2 * h);
            Assert.True(Math.Abs(numeric - grads[1].ReadOnlySpan<float>()[i]) < 2e-2, $"dy/da[{i}]: {grads[1].ReadOnlySpan<float>()[i]} vs {numeric}");
        }
        for (int i = 0; i < b.Length; i++)
        {
            var up = (float[])b.Clone(); up[i] += h;
            var down = (float[])b.Clone(); down[i] -= h;
            double numeric = (Sum(Run(a, up, false)[0]) - Sum(Run(a, down, false)[0])) / (2 * h);
            Assert.True(Math.Abs(numeric - grads[2].ReadOnlySpan<float>()[i]) < 2e-2, $"dy/db[{i}]: {grads[2].ReadOnlySpan<float>()[i]} vs {numeric}");
        }
    }

    [Fact]
    public void Operator_without_a_rule_is_named()
    {
        var m = new OnnxModelBuilder(17).Opset("ai.onnx.preview.training", 1);
        m.Graph.Input("a", DataType.Float, 3).Output("g", DataType.Float, 3);
        m.Graph.Node("Softmax", ["a"], ["y"], name: "soft");
        m.Graph.Node("Gradient", ["a"], ["g"], domain: "ai.onnx.preview.training", name: "grad").Attr("xs", new[] { "a" }).Attr("y", "y");
        var ir = OnnxImporter.Load(m.ToBytes(), null);
        var e = Assert.Throws<Runtime.EdgeMLException>(() => new GradientExpansion().Run(ir, new PassContext(new CompileOptions())));
        Assert.Contains("cannot differentiate through node 'soft'", e.Message);
    }

    private static double Sum(Tensor t) => t.ReadOnlySpan<float>().ToArray().Sum(x => (double)x);

    private static List<Tensor> Run(float[] a, float[] b, bool withGradient)
    {
        var m = new OnnxModelBuilder(17).Opset("ai.onnx.preview.training", 1);
        m.Graph.Input("a", DataType.Float, 2, 3).Input("b", DataType.Float, 3).Output("y", DataType.Float, 2, 3);
        m.Graph.Node("Mul", ["a", "b"], ["ab"]);
        m.Graph.Node("Add", ["ab", "a"], ["s"]);
        m.Graph.Node("Sigmoid", ["s"], ["sig"]);
        m.Graph.Node("Div", ["sig", "b"], ["q"]);
        m.Graph.Node("Tanh", ["q"], ["t"]);
        m.Graph.Node("Exp", ["a"], ["e"]);
        m.Graph.Node("Sub", ["t", "e"], ["y"]);
        if (withGradient)
        {
            m.Graph.Output("dy_da", DataType.Float, 2, 3).Output("dy_db", DataType.Float, 3);
            m.Graph.Node("Gradient", ["a", "b"], ["dy_da", "dy_db"], domain: "ai.onnx.preview.training").Attr("xs", new[] { "a", "b" }).Attr("y", "y");
        }
        return OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor>
        {
            ["a"] = OpTester.Make("a", DataType.Float, [2, 3], a),
            ["b"] = OpTester.Make("b", DataType.Float, [3], b),
        });
    }
}
