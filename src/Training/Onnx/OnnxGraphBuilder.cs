using EdgeML.Training.Onnx.Proto;
using Google.Protobuf;

namespace EdgeML.Training.Onnx;

/// <summary>
/// Builds an ONNX model node by node. Opset 12 for ai.onnx because that is the newest ML.NET exports, and its
/// graphs are spliced into ours; ai.onnx.ml opset 2 for LabelEncoder with string keys.
/// </summary>
internal sealed class OnnxGraphBuilder
{
    public const int OnnxOpset = 12;
    public const int MlOpset = 2;
    public const string MlDomain = "ai.onnx.ml";

    private readonly GraphProto _graph = new() { Name = "edgeml_training" };
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private int _counter;

    public IReadOnlyCollection<string> Names => _names;

    /// <summary>A tensor name not used yet, readable in a graph viewer.</summary>
    public string Fresh(string hint)
    {
        string name;
        do name = $"{hint}_{_counter++}"; while (_names.Contains(name));
        _names.Add(name);
        return name;
    }

    private string Claim(string name)
    {
        if (!_names.Add(name)) throw new InvalidOperationException($"tensor name '{name}' is already used");
        return name;
    }

    public string AddInput(string name, TensorProto.Types.DataType type, long width)
    {
        _graph.Input.Add(ValueInfo(Claim(name), type, width));
        return name;
    }

    public void AddOutput(string name, TensorProto.Types.DataType type, long width) => _graph.Output.Add(ValueInfo(name, type, width));

    private static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType type, long width)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    public string Floats(string hint, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = Fresh(hint), DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        _graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    public string Int64s(string hint, long[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = Fresh(hint), DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.AddRange(dims);
        tensor.Int64Data.AddRange(values);
        _graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    public string Scalar(float value) => Floats("c", [value]);

    /// <summary>Adds a node with one fresh output and returns that output's name.</summary>
    public string Op(string opType, string[] inputs, params AttributeProto[] attributes) =>
        OpMulti(opType, inputs, 1, "", attributes)[0];

    public string MlOp(string opType, string[] inputs, params AttributeProto[] attributes) =>
        OpMulti(opType, inputs, 1, MlDomain, attributes)[0];

    public string[] OpMulti(string opType, string[] inputs, int outputCount, string domain, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Domain = domain, Name = Fresh(opType) };
        node.Input.AddRange(inputs);
        var outputs = Enumerable.Range(0, outputCount).Select(_ => Fresh(opType.ToLowerInvariant())).ToArray();
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return outputs;
    }

    /// <summary>Copies a node's output to a chosen name (for the graph's public outputs).</summary>
    public void Rename(string from, string to)
    {
        Claim(to);
        var node = new NodeProto { OpType = "Identity", Name = Fresh("Identity") };
        node.Input.Add(from);
        node.Output.Add(to);
        _graph.Node.Add(node);
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };
    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };
    public static AttributeProto String(string name, string value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public static AttributeProto Ints(string name, IEnumerable<long> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto FloatList(string name, IEnumerable<float> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Floats };
        attribute.Floats.AddRange(values);
        return attribute;
    }

    public static AttributeProto Strings(string name, IEnumerable<string> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Strings };
        attribute.Strings.AddRange(values.Select(ByteString.CopyFromUtf8));
        return attribute;
    }

    // Common small patterns.
    public string Cast(string input, TensorProto.Types.DataType to) => Op("Cast", [input], Int("to", (long)to));
    public string Column(string matrix, long index) => Op("Gather", [matrix, Int64s("col", [index], 1)], Int("axis", 1));
    public string Concat(IReadOnlyList<string> inputs) => inputs.Count == 1 ? inputs[0] : Op("Concat", inputs.ToArray(), Int("axis", 1));

    /// <summary>
    /// Splices another model's graph (e.g. one exported by ML.NET) into this one: its input named
    /// <paramref name="inputName"/> is fed by <paramref name="source"/>, every other name is prefixed, and only the
    /// nodes needed for <paramref name="wantedOutputs"/> are kept. Returns the new names of the wanted outputs.
    /// </summary>
    public string[] Splice(GraphProto other, string inputName, string source, string prefix, IReadOnlyList<string> wantedOutputs)
    {
        string Map(string name) => name.Length == 0 ? name : name == inputName ? source : prefix + name;
        var producer = new Dictionary<string, NodeProto>(StringComparer.Ordinal);
        foreach (var node in other.Node) foreach (var output in node.Output) producer[output] = node;
        var needed = new HashSet<NodeProto>();
        var stack = new Stack<string>(wantedOutputs);
        while (stack.Count > 0)
        {
            var name = stack.Pop();
            if (!producer.TryGetValue(name, out var node) || !needed.Add(node)) continue;
            foreach (var input in node.Input) stack.Push(input);
        }
        var initializers = other.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var usedInitializers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in other.Node.Where(needed.Contains))
        {
            var copy = node.Clone();
            copy.Name = Fresh(prefix + node.OpType);
            copy.Input.Clear();
            copy.Input.AddRange(node.Input.Select(Map));
            copy.Output.Clear();
            copy.Output.AddRange(node.Output.Select(o => Claim(Map(o))));
            foreach (var input in node.Input) if (initializers.ContainsKey(input)) usedInitializers.Add(input);
            _graph.Node.Add(copy);
        }
        foreach (var name in usedInitializers)
        {
            var copy = initializers[name].Clone();
            copy.Name = Claim(Map(name));
            _graph.Initializer.Add(copy);
        }
        return wantedOutputs.Select(Map).ToArray();
    }

    public ModelProto Build(IReadOnlyDictionary<string, string> metadata)
    {
        var model = new ModelProto
        {
            IrVersion = 7,
            ProducerName = "EdgeML.Training",
            ProducerVersion = "1",
            Graph = _graph.Clone(),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OnnxOpset });
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = MlDomain, Version = MlOpset });
        foreach (var (key, value) in metadata) model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return model;
    }
}
