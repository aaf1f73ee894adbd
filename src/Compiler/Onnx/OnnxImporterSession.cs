using EdgeML.Compiler.IR;
using EdgeML.Compiler.Onnx.Proto;
using EdgeML.Runtime;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Operators;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Compiler.Onnx;

/// <summary>The state of one import: opsets, local functions and the source for error messages.</summary>
internal sealed class OnnxImporterSession
{
    private readonly ModelProto _model;
    private readonly string? _baseDirectory;
    private readonly string _source;
    private readonly Dictionary<string, long> _opsets = new();
    private readonly Dictionary<(string, string), FunctionProto> _functions = new();
    private int _inlineCounter;

    public OnnxImporterSession(ModelProto model, string? baseDirectory, string source)
    {
        _model = model;
        _baseDirectory = baseDirectory;
        _source = source;
    }

    public IrModel Import()
    {
        if (_model.Graph == null) throw new EdgeMLException("not a valid ONNX model: it has no graph");
        foreach (var o in _model.OpsetImport) _opsets[OpCatalog.NormalizeDomain(o.Domain)] = o.Version;
        if (!_opsets.ContainsKey("") && _model.OpsetImport.Count == 0) _opsets[""] = 1;
        if (_opsets.TryGetValue("", out var onnxOpset) && onnxOpset < OnnxImporter.MinimumOpset)
            throw new EdgeMLException($"unsupported opset: the model uses ai.onnx opset {onnxOpset}; EdgeML imports opset {OnnxImporter.MinimumOpset} and later");
        foreach (var (domain, version) in _opsets)
        {
            int newest = OpCatalog.NewestVersion(domain);
            if (newest > 0 && version > newest)
                throw new EdgeMLException($"unsupported opset: the model uses {DomainName(domain)} opset {version}; EdgeML knows opsets up to {newest}");
        }
        foreach (var f in _model.Functions) _functions[(OpCatalog.NormalizeDomain(f.Domain), f.Name)] = f;

        var graph = ImportGraph(_model.Graph, null, null);
        var metadata = new Dictionary<string, string>();
        foreach (var kv in _model.MetadataProps) metadata[kv.Key] = kv.Value;
        if (_model.ProducerName.Length > 0) metadata["onnx.producer"] = (_model.ProducerName + " " + _model.ProducerVersion).Trim();
        metadata["onnx.opsets"] = string.Join(",", _opsets.Select(kv => (kv.Key.Length == 0 ? "ai.onnx" : kv.Key) + ":" + kv.Value));
        return new IrModel { Graph = graph, Opsets = new Dictionary<string, long>(_opsets), Metadata = metadata, Source = _source };
    }

    private IrGraph ImportGraph(GraphProto g, ImportScope? outer, IrGraph? parent)
    {
        var graph = new IrGraph { Name = g.Name, Parent = parent };
        var scope = new ImportScope(outer);
        var declared = new Dictionary<string, TypeProto>();
        foreach (var vi in g.ValueInfo) if (vi.Type != null) declared[vi.Name] = vi.Type;
        foreach (var vi in g.Output) if (vi.Type != null) declared[vi.Name] = vi.Type;

        foreach (var init in g.Initializer)
        {
            var v = new IrValue(init.Name) { Constant = TensorProtoReader.Read(init, _baseDirectory) };
            v.Type = v.Constant.Type;
            v.Shape = v.Constant.Shape.Select(d => new Dimension(d)).ToArray();
            scope.Define(v);
        }
        foreach (var sp in g.SparseInitializer)
        {
            var c = SparseTensorReader.ToDense(sp, _baseDirectory);
            var v = new IrValue(sp.Values.Name) { Constant = c, Type = c.Type, Shape = c.Shape.Select(d => new Dimension(d)).ToArray() };
            scope.Define(v);
        }
        foreach (var input in g.Input)
        {
            // Before IR version 4, initializers were also listed as inputs; they stay constants.
            if (scope.DefinesLocally(input.Name)) continue;
            var v = new IrValue(input.Name);
            ApplyType(v, input.Type);
            graph.Inputs.Add(v);
            scope.Define(v);
        }

        foreach (var node in TopologicalOrder(g.Node, scope))
            ImportNode(node, graph, scope, _opsets);

        foreach (var output in g.Output)
        {
            var v = scope.Find(output.Name) ?? throw new EdgeMLException($"graph output '{output.Name}' is not produced by any node, input or initializer");
            if (output.Type != null && v.Type == DataType.Undefined) ApplyType(v, output.Type);
            else if (output.Type != null && v.Shape == null) v.Shape = OnnxImporter.FromTypeProto(output.Type).Shape;
            graph.Outputs.Add(v);
        }
        foreach (var n in graph.Nodes)
            foreach (var o in n.Outputs)
                if (o != null && o.Type == DataType.Undefined && declared.TryGetValue(o.Name, out var tp)) ApplyType(o, tp);
        return graph;
    }

    private static void ApplyType(IrValue v, TypeProto? type)
    {
        var (kind, dt, shape) = OnnxImporter.FromTypeProto(type);
        v.Kind = kind;
        v.Type = dt;
        v.Shape = shape;
    }

    private void ImportNode(NodeProto node, IrGraph graph, ImportScope scope, Dictionary<string, long> opsets, string valuePrefix = "")
    {
        string domain = OpCatalog.NormalizeDomain(node.Domain);
        string label = node.Name.Length > 0 ? node.Name : (node.Output.Count > 0 ? node.Output[0] : node.OpType);
        if (!opsets.TryGetValue(domain, out long opset))
        {
            if (_functions.ContainsKey((domain, node.OpType))) opset = 1;
            else throw new EdgeMLException($"node '{label}' ({node.OpType}, domain '{DomainName(domain)}'): the model does not import domain '{DomainName(domain)}'");
        }

        var schema = OpCatalog.Find(domain, node.OpType);
        if (schema == null || schema.ResolveVersion(opset) == 0)
        {
            if (_functions.TryGetValue((domain, node.OpType), out var function))
            {
                InlineFunction(node, function, graph, scope);
                return;
            }
            if (schema == null)
                throw new EdgeMLException($"node '{label}' (op type '{node.OpType}', domain '{DomainName(domain)}', opset {opset}): unknown operator");
            throw new EdgeMLException($"node '{label}' (op type '{node.OpType}', domain '{DomainName(domain)}', opset {opset}): the operator is not defined at this opset (first defined at {schema.SinceVersions.Min()})");
        }

        if (domain.Length == 0 && node.OpType == "Constant")
        {
            ImportConstant(node, label, scope, valuePrefix);
            return;
        }

        var ir = new IrNode { Name = label, Schema = schema, Version = schema.ResolveVersion(opset) };
        foreach (var name in node.Input)
        {
            if (name.Length == 0)
            {
                ir.Inputs.Add(null);
                continue;
            }
            var v = scope.Find(name) ?? throw new EdgeMLException($"{ir.Describe()} reads '{name}', which no node, input or initializer defines");
            ir.Inputs.Add(v);
        }
        foreach (var a in node.Attribute) ir.Attributes.Add(ImportAttribute(a, ir, graph, scope));
        foreach (var name in node.Output)
        {
            if (name.Length == 0)
            {
                ir.Outputs.Add(null);
                continue;
            }
            var v = new IrValue(valuePrefix + name) { Producer = ir };
            ir.Outputs.Add(v);
            scope.Define(name, v);
        }
        graph.Nodes.Add(ir);
    }

    private void ImportConstant(NodeProto node, string label, ImportScope scope, string valuePrefix)
    {
        if (node.Output.Count != 1 || node.Attribute.Count != 1) throw new EdgeMLException($"node '{label}' (Constant): needs exactly one output and one value attribute");
        var a = node.Attribute[0];
        ConstantTensor c = a.Name switch
        {
            "value" => TensorProtoReader.Read(a.T, _baseDirectory),
            "sparse_value" => SparseTensorReader.ToDense(a.SparseTensor, _baseDirectory),
            "value_float" => ConstantTensor.From(DataType.Float, [], [a.F]),
            "value_floats" => ConstantTensor.From(DataType.Float, [a.Floats.Count], a.Floats.ToArray().AsSpan()),
            "value_int" => ConstantTensor.From(DataType.Int64, [], [a.I]),
            "value_ints" => ConstantTensor.From(DataType.Int64, [a.Ints.Count], a.Ints.ToArray().AsSpan()),
            "value_string" => new ConstantTensor([], [a.S.ToStringUtf8()]),
            "value_strings" => new ConstantTensor([a.Strings.Count], a.Strings.Select(s => s.ToStringUtf8()).ToArray()),
            _ => throw new EdgeMLException($"node '{label}' (Constant): unknown attribute '{a.Name}'"),
        };
        var v = new IrValue(valuePrefix + node.Output[0]) { Constant = c, Type = c.Type, Shape = c.Shape.Select(d => new Dimension(d)).ToArray() };
        scope.Define(node.Output[0], v);
    }

    private IrAttribute ImportAttribute(AttributeProto a, IrNode node, IrGraph graph, ImportScope scope)
    {
        var type = a.Type != AttributeProto.Types.AttributeType.Undefined ? (AttributeType)(int)a.Type : InferAttributeType(a);
        Runtime.Model.Attribute payload;
        IrGraph[] graphs = [];
        switch (type)
        {
            case AttributeType.Float: payload = new() { Name = a.Name, Type = type, Float = a.F }; break;
            case AttributeType.Int: payload = new() { Name = a.Name, Type = type, Int = a.I }; break;
            case AttributeType.String: payload = new() { Name = a.Name, Type = type, String = a.S.ToStringUtf8() }; break;
            case AttributeType.Tensor: payload = new() { Name = a.Name, Type = type, Tensor = TensorProtoReader.Read(a.T, _baseDirectory) }; break;
            case AttributeType.Floats: payload = new() { Name = a.Name, Type = type, Floats = a.Floats.ToArray() }; break;
            case AttributeType.Ints: payload = new() { Name = a.Name, Type = type, Ints = a.Ints.ToArray() }; break;
            case AttributeType.Strings: payload = new() { Name = a.Name, Type = type, Strings = a.Strings.Select(s => s.ToStringUtf8()).ToArray() }; break;
            case AttributeType.Tensors: payload = new() { Name = a.Name, Type = type, Tensors = a.Tensors.Select(t => TensorProtoReader.Read(t, _baseDirectory)).ToArray() }; break;
            case AttributeType.Graph:
                graphs = [ImportGraph(a.G, scope, graph)];
                payload = new() { Name = a.Name, Type = type };
                break;
            case AttributeType.Graphs:
                graphs = a.Graphs.Select(sg => ImportGraph(sg, scope, graph)).ToArray();
                payload = new() { Name = a.Name, Type = type };
                break;
            case AttributeType.TypeProto:
            {
                var (kind, dt, _) = OnnxImporter.FromTypeProto(a.Tp);
                payload = new() { Name = a.Name, Type = type, Int = (long)dt, Ints = [(long)kind] };
                break;
            }
            case (AttributeType)11: // SPARSE_TENSOR
                payload = new() { Name = a.Name, Type = AttributeType.Tensor, Tensor = SparseTensorReader.ToDense(a.SparseTensor, _baseDirectory) };
                break;
            default:
                throw new EdgeMLException($"{node.Describe()}: attribute '{a.Name}' has unsupported type {a.Type}");
        }
        return new IrAttribute { Payload = payload, Graphs = graphs };
    }

    /// <summary>Old exporters leave the type field unset; infer it from which field is filled.</summary>
    private static AttributeType InferAttributeType(AttributeProto a)
    {
        if (a.G != null) return AttributeType.Graph;
        if (a.T != null) return AttributeType.Tensor;
        if (a.Graphs.Count > 0) return AttributeType.Graphs;
        if (a.Tensors.Count > 0) return AttributeType.Tensors;
        if (a.Floats.Count > 0) return AttributeType.Floats;
        if (a.Ints.Count > 0) return AttributeType.Ints;
        if (a.Strings.Count > 0) return AttributeType.Strings;
        if (!a.S.IsEmpty) return AttributeType.String;
        if (a.F != 0) return AttributeType.Float;
        return AttributeType.Int;
    }

    /// <summary>Inlines a model-local function: its inputs bind to the node's, attributes referenced
    /// by name take the node's values, inner values get unique names, and its outputs become the
    /// node's outputs.</summary>
    private void InlineFunction(NodeProto node, FunctionProto f, IrGraph graph, ImportScope scope)
    {
        int id = ++_inlineCounter;
        var inner = new ImportScope(scope);
        for (int i = 0; i < f.Input.Count && i < node.Input.Count; i++)
        {
            if (node.Input[i].Length == 0) continue;
            var v = scope.Find(node.Input[i]) ?? throw new EdgeMLException($"node '{node.Name}' ({f.Name}) reads '{node.Input[i]}', which is not defined");
            inner.Define(f.Input[i], v);
        }
        var opsets = new Dictionary<string, long>(_opsets);
        foreach (var o in f.OpsetImport) opsets[OpCatalog.NormalizeDomain(o.Domain)] = o.Version;
        var attrs = new Dictionary<string, AttributeProto>();
        foreach (var a in f.AttributeProto) attrs[a.Name] = a;
        foreach (var a in node.Attribute) attrs[a.Name] = a;
        string prefix = $"{(node.Name.Length > 0 ? node.Name : f.Name)}#{id}/";
        foreach (var fn in f.Node)
        {
            var copy = fn.Clone();
            copy.Name = prefix + fn.Name;
            copy.Attribute.Clear();
            foreach (var a in fn.Attribute)
            {
                if (a.RefAttrName.Length == 0)
                {
                    copy.Attribute.Add(a);
                    continue;
                }
                if (!attrs.TryGetValue(a.RefAttrName, out var bound)) continue;
                var b = bound.Clone();
                b.Name = a.Name;
                copy.Attribute.Add(b);
            }
            ImportNode(copy, graph, inner, opsets, prefix);
        }
        for (int i = 0; i < f.Output.Count && i < node.Output.Count; i++)
        {
            if (node.Output[i].Length == 0) continue;
            var v = inner.Find(f.Output[i]) ?? throw new EdgeMLException($"function '{f.Name}' does not produce its output '{f.Output[i]}'");
            v.Name = node.Output[i];
            scope.Define(node.Output[i], v);
        }
    }

    /// <summary>ONNX requires nodes in topological order, but some exporters do not comply; sort
    /// stably by the values produced in this graph (subgraph reads count as inputs).</summary>
    private static IEnumerable<NodeProto> TopologicalOrder(IList<NodeProto> nodes, ImportScope scope)
    {
        var producer = new Dictionary<string, int>();
        for (int i = 0; i < nodes.Count; i++)
            foreach (var o in nodes[i].Output)
                if (o.Length > 0) producer.TryAdd(o, i);
        bool sorted = true;
        var seen = new HashSet<string>();
        for (int i = 0; i < nodes.Count && sorted; i++)
        {
            foreach (var name in Reads(nodes[i]))
                if (producer.TryGetValue(name, out int p) && p >= i && !seen.Contains(name)) { sorted = false; break; }
            foreach (var o in nodes[i].Output) seen.Add(o);
        }
        if (sorted) return nodes;
        var order = new List<NodeProto>();
        var state = new int[nodes.Count];
        void Visit(int i)
        {
            if (state[i] == 2) return;
            if (state[i] == 1) throw new EdgeMLException($"the graph has a cycle through node '{nodes[i].Name}'");
            state[i] = 1;
            foreach (var name in Reads(nodes[i]))
                if (producer.TryGetValue(name, out int p) && p != i) Visit(p);
            state[i] = 2;
            order.Add(nodes[i]);
        }
        for (int i = 0; i < nodes.Count; i++) Visit(i);
        _ = scope;
        return order;
    }

    private static IEnumerable<string> Reads(NodeProto n)
    {
        foreach (var i in n.Input) if (i.Length > 0) yield return i;
        foreach (var a in n.Attribute)
        {
            if (a.G != null) foreach (var s in GraphReads(a.G)) yield return s;
            foreach (var g in a.Graphs) foreach (var s in GraphReads(g)) yield return s;
        }
    }

    private static IEnumerable<string> GraphReads(GraphProto g)
    {
        var local = new HashSet<string>(g.Node.SelectMany(n => n.Output).Concat(g.Input.Select(i => i.Name)).Concat(g.Initializer.Select(i => i.Name)));
        foreach (var n in g.Node)
            foreach (var r in Reads(n))
                if (!local.Contains(r)) yield return r;
        foreach (var o in g.Output) if (!local.Contains(o.Name)) yield return o.Name;
    }

    private static string DomainName(string domain) => domain.Length == 0 ? "ai.onnx" : domain;
}
