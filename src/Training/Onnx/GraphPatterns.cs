using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Training.Onnx;

/// <summary>Small graph idioms the training exports repeat, on top of the compiler's <see cref="OnnxGraphBuilder"/>.</summary>
internal static class GraphPatterns
{
    /// <summary>
    /// ai.onnx opset of the training exports: 12, the newest ML.NET's converter writes, since its graphs are
    /// spliced into ours; ai.onnx.ml opset 2 for LabelEncoder with string keys.
    /// </summary>
    public const int OnnxOpset = 12;
    public const int MlOpset = 2;

    /// <summary>A node of the ai.onnx.ml domain with one fresh output.</summary>
    public static OnnxNodeBuilder ApplyMl(this OnnxGraphBuilder graph, string opType, params string[] inputs) =>
        graph.Apply(opType, OnnxModelBuilder.MlDomain, 1, inputs);

    public static string Cast(this OnnxGraphBuilder graph, string input, DataType to) => graph.Apply("Cast", input).Attr("to", (long)to);

    /// <summary>Column <paramref name="index"/> of an [N,C] matrix as [N,1].</summary>
    public static string Column(this OnnxGraphBuilder graph, string matrix, long index) =>
        graph.Apply("Gather", matrix, graph.Constant("col", [index], 1)).Attr("axis", 1);

    /// <summary>Joins [N,·] tensors side by side; one input is passed through.</summary>
    public static string Concat(this OnnxGraphBuilder graph, IReadOnlyList<string> inputs) =>
        inputs.Count == 1 ? inputs[0] : graph.Apply("Concat", inputs.ToArray()).Attr("axis", 1);

    /// <summary>A graph input of shape [N, width] (N rows in a batch); returns its name.</summary>
    public static string RowInput(this OnnxGraphBuilder graph, string name, DataType type, long width)
    {
        graph.Input(name, type, "N", width);
        return name;
    }

    /// <summary>A graph output of shape [N, width]; a null width is left unknown.</summary>
    public static void RowOutput(this OnnxGraphBuilder graph, string name, DataType type, long? width) => graph.Output(name, type, "N", width);

    /// <summary>Copies a value to a chosen name (for the graph's public outputs).</summary>
    public static void Rename(this OnnxGraphBuilder graph, string from, string to) => graph.Node("Identity", [from], [to]);
}
