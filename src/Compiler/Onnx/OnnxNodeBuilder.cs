using EdgeML.Compiler.Onnx.Proto;
using EdgeML.Runtime.Model;
using Google.Protobuf;

namespace EdgeML.Compiler.Onnx;

/// <summary>
/// Sets the attributes of a node made by <see cref="OnnxGraphBuilder.Node"/> or
/// <see cref="OnnxGraphBuilder.Apply(string, string[])"/>. It converts to the name of its first
/// output, so a node can be passed straight on as another node's input.
/// </summary>
public sealed class OnnxNodeBuilder
{
    private readonly NodeProto _node;

    internal OnnxNodeBuilder(NodeProto node) => _node = node;

    /// <summary>The node's first output.</summary>
    public string Output => _node.Output.Count > 0 ? _node.Output[0] : throw new InvalidOperationException($"{_node.OpType} node has no output");

    public IReadOnlyList<string> Outputs => _node.Output;

    public static implicit operator string(OnnxNodeBuilder node) => node.Output;

    public OnnxNodeBuilder Attr(string name, long value) => Add(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value });
    public OnnxNodeBuilder Attr(string name, float value) => Add(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value });
    public OnnxNodeBuilder Attr(string name, string value) => Add(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) });

    public OnnxNodeBuilder Attr(string name, long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return Add(a);
    }

    public OnnxNodeBuilder Attr(string name, float[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Floats };
        a.Floats.AddRange(values);
        return Add(a);
    }

    public OnnxNodeBuilder Attr(string name, string[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Strings };
        a.Strings.AddRange(values.Select(ByteString.CopyFromUtf8));
        return Add(a);
    }

    public OnnxNodeBuilder Attr(string name, ConstantTensor value)
        => Add(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Tensor, T = OnnxGraphBuilder.ToProto(value) });

    public OnnxNodeBuilder Attr(string name, OnnxGraphBuilder graph)
        => Add(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Graph, G = graph.Proto });

    private OnnxNodeBuilder Add(AttributeProto a)
    {
        _node.Attribute.Add(a);
        return this;
    }
}
