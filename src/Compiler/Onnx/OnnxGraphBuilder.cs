using EdgeML.Compiler.Onnx.Proto;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;
using Google.Protobuf;

namespace EdgeML.Compiler.Onnx;

/// <summary>
/// Builds ONNX graphs in code, without exposing protobuf: tests build single-operator models
/// with it, and the training toolchain writes the ONNX graphs ML.NET cannot export. Every value
/// name in the graph is tracked, so <see cref="FreshName"/> never collides with one.
/// </summary>
public sealed class OnnxGraphBuilder
{
    internal readonly GraphProto Proto;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private int _freshCounter;

    public OnnxGraphBuilder(string name = "graph") => Proto = new GraphProto { Name = name };

    /// <summary>Wraps a graph read from a file, so it can be inspected or spliced into another.</summary>
    internal OnnxGraphBuilder(GraphProto existing)
    {
        Proto = existing;
        foreach (var v in existing.Input) _names.Add(v.Name);
        foreach (var t in existing.Initializer) _names.Add(t.Name);
        foreach (var n in existing.Node) foreach (var o in n.Output) _names.Add(o);
    }

    public IReadOnlyList<string> InputNames => Proto.Input.Select(v => v.Name).ToList();
    public IReadOnlyList<string> OutputNames => Proto.Output.Select(v => v.Name).ToList();
    public int NodeCount => Proto.Node.Count;

    /// <summary>Operator types of the nodes, in order ("domain.op" outside the default domain).</summary>
    public IReadOnlyList<string> OperatorTypes => Proto.Node.Select(n => n.Domain.Length == 0 ? n.OpType : n.Domain + "." + n.OpType).ToList();

    /// <summary>A value name not used yet in this graph, readable in a graph viewer: hint_N.</summary>
    public string FreshName(string hint)
    {
        string name;
        do name = $"{hint}_{_freshCounter++}"; while (_names.Contains(name));
        _names.Add(name);
        return name;
    }

    /// <summary>A tensor input; a null entry in <paramref name="dims"/> or a string makes a symbolic dimension.</summary>
    public OnnxGraphBuilder Input(string name, DataType type, params object?[]? dims)
    {
        _names.Add(name);
        Proto.Input.Add(ValueInfo(name, type, dims));
        return this;
    }

    /// <summary>A sequence-of-tensors input.</summary>
    public OnnxGraphBuilder SequenceInput(string name, DataType elementType)
    {
        _names.Add(name);
        Proto.Input.Add(new ValueInfoProto { Name = name, Type = new TypeProto { SequenceType = new TypeProto.Types.Sequence { ElemType = TensorType(elementType, null) } } });
        return this;
    }

    public OnnxGraphBuilder Output(string name, DataType type, params object?[]? dims)
    {
        Proto.Output.Add(ValueInfo(name, type, dims));
        return this;
    }

    public OnnxGraphBuilder SequenceOutput(string name, DataType elementType)
    {
        Proto.Output.Add(new ValueInfoProto { Name = name, Type = new TypeProto { SequenceType = new TypeProto.Types.Sequence { ElemType = TensorType(elementType, null) } } });
        return this;
    }

    /// <summary>A map input (ai.onnx.ml DictVectorizer, CastMap).</summary>
    public OnnxGraphBuilder MapInput(string name, DataType keyType, DataType valueType)
    {
        Proto.Input.Add(new ValueInfoProto { Name = name, Type = MapType(keyType, valueType) });
        return this;
    }

    /// <summary>A sequence-of-maps output (ai.onnx.ml ZipMap).</summary>
    public OnnxGraphBuilder SequenceOfMapsOutput(string name, DataType keyType, DataType valueType)
    {
        Proto.Output.Add(new ValueInfoProto { Name = name, Type = new TypeProto { SequenceType = new TypeProto.Types.Sequence { ElemType = MapType(keyType, valueType) } } });
        return this;
    }

    private static TypeProto MapType(DataType keyType, DataType valueType)
        => new() { MapType = new TypeProto.Types.Map { KeyType = (int)keyType, ValueType = TensorType(valueType, null) } };

    public OnnxGraphBuilder Initializer(string name, ConstantTensor value)
    {
        var t = ToProto(value);
        t.Name = name;
        _names.Add(name);
        Proto.Initializer.Add(t);
        return this;
    }

    public OnnxGraphBuilder Initializer(string name, float[] values, params long[] shape)
        => Initializer(name, ConstantTensor.From<float>(DataType.Float, shape, values));

    public OnnxGraphBuilder Initializer(string name, long[] values, params long[] shape)
        => Initializer(name, ConstantTensor.From<long>(DataType.Int64, shape, values));

    public OnnxGraphBuilder Initializer(string name, string[] values, params long[] shape)
        => Initializer(name, new ConstantTensor(shape, values));

    /// <summary>Adds an initializer under a fresh name and returns that name.</summary>
    public string Constant(string hint, float[] values, params long[] shape) => Constant(hint, ConstantTensor.From<float>(DataType.Float, shape, values));

    /// <inheritdoc cref="Constant(string, float[], long[])"/>
    public string Constant(string hint, long[] values, params long[] shape) => Constant(hint, ConstantTensor.From<long>(DataType.Int64, shape, values));

    /// <inheritdoc cref="Constant(string, float[], long[])"/>
    public string Constant(string hint, string[] values, params long[] shape) => Constant(hint, new ConstantTensor(shape, values));

    /// <inheritdoc cref="Constant(string, float[], long[])"/>
    public string Constant(string hint, ConstantTensor value)
    {
        var name = FreshName(hint);
        Initializer(name, value);
        return name;
    }

    /// <summary>A float scalar constant (rank 0, broadcasts against anything).</summary>
    public string Scalar(float value) => Constant("c", [value]);

    /// <summary>Adds a node and returns it for attributes. Empty strings are omitted optional inputs or outputs.</summary>
    public OnnxNodeBuilder Node(string opType, string[] inputs, string[] outputs, string domain = "", string? name = null)
    {
        var n = new NodeProto { OpType = opType, Domain = domain, Name = name ?? $"{opType}_{Proto.Node.Count}" };
        n.Input.AddRange(inputs);
        foreach (var o in outputs) if (o.Length > 0) _names.Add(o);
        n.Output.AddRange(outputs);
        Proto.Node.Add(n);
        return new OnnxNodeBuilder(n);
    }

    /// <summary>
    /// Adds a node of the default domain whose one output gets a fresh name; the returned builder
    /// converts to that name, so calls nest: <c>g.Apply("Relu", g.Apply("Add", x, b))</c>.
    /// </summary>
    public OnnxNodeBuilder Apply(string opType, params string[] inputs) => Apply(opType, "", 1, inputs);

    /// <summary>Adds a node of <paramref name="domain"/> with <paramref name="outputCount"/> fresh outputs.</summary>
    public OnnxNodeBuilder Apply(string opType, string domain, int outputCount, params string[] inputs)
    {
        var hint = opType.ToLowerInvariant();
        var outputs = Enumerable.Range(0, outputCount).Select(_ => FreshName(hint)).ToArray();
        return Node(opType, inputs, outputs, domain, FreshName(opType));
    }

    /// <summary>
    /// Copies the nodes of <paramref name="source"/> that <paramref name="outputs"/> depend on, with the
    /// initializers they read, into this graph. Source inputs named in <paramref name="inputs"/> are
    /// wired to the given values of this graph; every other name gets <paramref name="prefix"/> (which
    /// must not make it collide). Returns the new names of <paramref name="outputs"/>.
    /// </summary>
    public string[] Splice(OnnxGraphBuilder source, IReadOnlyDictionary<string, string> inputs, string prefix, IReadOnlyList<string> outputs)
    {
        string Map(string name) => name.Length == 0 ? name : inputs.TryGetValue(name, out var bound) ? bound : prefix + name;
        var producer = new Dictionary<string, NodeProto>(StringComparer.Ordinal);
        foreach (var node in source.Proto.Node) foreach (var output in node.Output) producer[output] = node;
        var initializers = source.Proto.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var wanted in outputs)
            if (!producer.ContainsKey(wanted) && !initializers.ContainsKey(wanted) && !inputs.ContainsKey(wanted))
                throw new ArgumentException($"the spliced graph has no value '{wanted}'");

        // Walk back from the wanted outputs: only what they need is copied.
        var needed = new HashSet<NodeProto>();
        var usedInitializers = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(outputs);
        while (stack.Count > 0)
        {
            var name = stack.Pop();
            if (initializers.ContainsKey(name) && !inputs.ContainsKey(name)) usedInitializers.Add(name);
            if (!producer.TryGetValue(name, out var node) || !needed.Add(node)) continue;
            foreach (var input in node.Input) stack.Push(input);
        }
        foreach (var node in source.Proto.Node.Where(needed.Contains))
        {
            var copy = node.Clone();
            copy.Name = FreshName(prefix + node.OpType);
            copy.Input.Clear();
            copy.Input.AddRange(node.Input.Select(Map));
            copy.Output.Clear();
            copy.Output.AddRange(node.Output.Select(o => o.Length == 0 ? o : Claim(Map(o))));
            Proto.Node.Add(copy);
        }
        foreach (var name in source.Proto.Initializer.Select(t => t.Name).Where(usedInitializers.Contains))
        {
            var copy = initializers[name].Clone();
            copy.Name = Claim(Map(name));
            Proto.Initializer.Add(copy);
        }
        return outputs.Select(Map).ToArray();
    }

    private string Claim(string name)
    {
        if (!_names.Add(name)) throw new ArgumentException($"value name '{name}' is already used in graph '{Proto.Name}'");
        return name;
    }

    private static ValueInfoProto ValueInfo(string name, DataType type, object?[]? dims)
        => new() { Name = name, Type = TensorType(type, dims) };

    private static TypeProto TensorType(DataType type, object?[]? dims)
    {
        var tt = new TypeProto.Types.Tensor { ElemType = (int)type };
        if (dims != null)
        {
            tt.Shape = new TensorShapeProto();
            foreach (var d in dims)
            {
                tt.Shape.Dim.Add(d switch
                {
                    null => new TensorShapeProto.Types.Dimension(),
                    string s => new TensorShapeProto.Types.Dimension { DimParam = s },
                    int i => new TensorShapeProto.Types.Dimension { DimValue = i },
                    long l => new TensorShapeProto.Types.Dimension { DimValue = l },
                    _ => throw new ArgumentException($"dimension {d} must be an int, a long, a string or null"),
                });
            }
        }
        return new TypeProto { TensorType = tt };
    }

    internal static TensorProto ToProto(ConstantTensor value)
    {
        var t = new TensorProto { DataType = (int)value.Type };
        t.Dims.AddRange(value.Shape);
        if (value.Type == DataType.String) t.StringData.AddRange(value.Strings!.Select(ByteString.CopyFromUtf8));
        else t.RawData = ByteString.CopyFrom(value.Bytes);
        return t;
    }
}
