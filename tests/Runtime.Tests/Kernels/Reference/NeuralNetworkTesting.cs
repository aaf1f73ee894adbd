using EdgeML.Compiler.Onnx;
using EdgeML.Compiler.Verification;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>
/// Single-node models for the neural-network kernel tests: every input is a graph input with its
/// tensor's shape, attributes are set by a callback, and the node runs on EdgeML and ONNX Runtime
/// with the same inputs. Where ONNX Runtime has no kernel for a type (float16, double, some
/// integers), the same node in float32 on ONNX Runtime is the oracle, compared within the type's precision.
/// </summary>
internal static class NeuralNetworkTesting
{
    /// <summary>One output of the node: its name and element type.</summary>
    public readonly record struct Output(string Name, DataType Type);

    public static OnnxModelBuilder NodeModel(int opset, string op, Tensor?[] inputs, Output[] outputs, Action<OnnxNodeBuilder>? attributes = null, string domain = "", int domainVersion = 1)
    {
        var m = new OnnxModelBuilder(opset);
        if (domain != "") m.Opset(domain, domainVersion);
        var names = new string[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            var t = inputs[i];
            if (t == null)
            {
                names[i] = "";
                continue;
            }
            names[i] = t.Name;
            m.Graph.Input(t.Name, t.Type, t.Shape.ToArray().Cast<object?>().ToArray());
        }
        foreach (var o in outputs) m.Graph.Output(o.Name, o.Type, null);
        var node = m.Graph.Node(op, names, outputs.Select(o => o.Name).ToArray(), domain);
        attributes?.Invoke(node);
        return m;
    }

    public static Dictionary<string, Tensor> Feed(Tensor?[] inputs)
        => inputs.Where(t => t != null).ToDictionary(t => t!.Name, t => t!);

    /// <summary>Runs the node on EdgeML and ONNX Runtime and asserts every output agrees.</summary>
    public static void MatchesOrt(int opset, string op, Tensor?[] inputs, Output[] outputs, Action<OnnxNodeBuilder>? attributes = null,
        double rtol = 1e-4, double atol = 1e-5, string domain = "")
        => OpTester.AssertMatchesOrt(NodeModel(opset, op, inputs, outputs, attributes, domain), Feed(inputs), rtol, atol);

    /// <summary>
    /// Runs the node on EdgeML with its inputs converted to <paramref name="type"/> (integer inputs
    /// such as indices are kept), and on ONNX Runtime in float32, and asserts the outputs agree
    /// within <paramref name="rtol"/> and <paramref name="atol"/>.
    /// </summary>
    public static void MatchesOrtInFloat(DataType type, int opset, string op, Tensor?[] inputs, Output[] outputs, Action<OnnxNodeBuilder>? attributes = null,
        double rtol = 1e-4, double atol = 1e-5, string domain = "")
    {
        // ONNX Runtime sees the same values, rounded to the type and back.
        var typed = inputs.Select(t => t == null ? null : t.Type == DataType.Float ? Convert(t, type) : t).ToArray();
        var rounded = typed.Select((t, i) => t == null ? null : inputs[i]!.Type == DataType.Float ? ToFloat(t) : t).ToArray();
        var expected = OpTester.RunOrt(NodeModel(opset, op, rounded, outputs, attributes, domain).ToBytes(), Feed(rounded));
        var typedOutputs = outputs.Select(o => o.Type == DataType.Float ? o with { Type = type } : o).ToArray();
        var actual = OpTester.RunEdgeML(NodeModel(opset, op, typed, typedOutputs, attributes, domain).ToBytes(), Feed(typed));
        Assert.Equal(expected.Count, actual.Count);
        for (int k = 0; k < expected.Count; k++)
        {
            Assert.Equal(typedOutputs[k].Type, actual[k].Type);
            Assert.Equal(expected[k].Shape.ToArray(), actual[k].Shape.ToArray());
            var r = TensorComparison.CompareFloats(TensorComparison.ToDoubles(actual[k]), TensorComparison.ToDoubles(expected[k]), rtol, atol);
            Assert.True(r.Equal, $"output {k} ({DataTypeInfo.Name(type)}) differs from ONNX Runtime's float32 result: {r.Reason}");
        }
    }

    /// <summary>Asserts that EdgeML running <paramref name="model"/> gives what ONNX Runtime gives
    /// running <paramref name="equivalent"/> (the same function written with other operators).</summary>
    public static void MatchesOrtComposition(OnnxModelBuilder model, OnnxModelBuilder equivalent, Tensor?[] inputs, double rtol = 1e-4, double atol = 1e-5)
    {
        var feed = Feed(inputs);
        var expected = OpTester.RunOrt(equivalent.ToBytes(), feed);
        var actual = OpTester.RunEdgeML(model.ToBytes(), feed);
        Assert.Equal(expected.Count, actual.Count);
        for (int k = 0; k < expected.Count; k++)
        {
            var r = TensorComparison.Compare(actual[k], expected[k], rtol, atol);
            Assert.True(r.Equal, $"output {k} differs from ONNX Runtime's composition: {r.Reason}");
        }
    }

    /// <summary>Declares <paramref name="inputs"/> as the inputs of <paramref name="model"/>'s graph.</summary>
    public static OnnxModelBuilder WithInputs(this OnnxModelBuilder model, Tensor?[] inputs)
    {
        foreach (var t in inputs)
            if (t != null) model.Graph.Input(t.Name, t.Type, t.Shape.ToArray().Cast<object?>().ToArray());
        return model;
    }

    /// <summary>Random values in [lo, hi) of any numeric type (integers are rounded down).</summary>
    public static Tensor Random(string name, long[] shape, int seed = 1, double lo = -1, double hi = 1, DataType type = DataType.Float)
        => Convert(OpTester.Random(name, shape, seed, (float)lo, (float)hi), type);

    /// <summary>A tensor from float values converted to <paramref name="type"/>.</summary>
    public static Tensor Values(string name, DataType type, long[] shape, params float[] values)
        => Convert(OpTester.Make(name, DataType.Float, shape, values), type);

    /// <summary>A float32 copy of a float tensor of any precision.</summary>
    public static Tensor ToFloat(Tensor t)
    {
        var values = TensorComparison.ToDoubles(t);
        var r = new Tensor(t.Name);
        r.Allocate(DataType.Float, t.Shape);
        for (int i = 0; i < values.Length; i++) r.Span<float>()[i] = (float)values[i];
        return r;
    }

    public static Tensor Convert(Tensor t, DataType type)
    {
        var s = t.ReadOnlySpan<float>();
        var r = new Tensor(t.Name);
        r.Allocate(type, t.Shape);
        for (int i = 0; i < s.Length; i++)
        {
            float v = s[i];
            switch (type)
            {
                case DataType.Float: r.Span<float>()[i] = v; break;
                case DataType.Double: r.Span<double>()[i] = v; break;
                case DataType.Float16: r.Span<Half>()[i] = (Half)v; break;
                case DataType.BFloat16: r.Span<ushort>()[i] = BFloat16.FromSingle(v); break;
                case DataType.Int8: r.Span<sbyte>()[i] = (sbyte)MathF.Floor(v); break;
                case DataType.UInt8: r.Span<byte>()[i] = (byte)MathF.Floor(v); break;
                case DataType.Int32: r.Span<int>()[i] = (int)MathF.Floor(v); break;
                case DataType.Int64: r.Span<long>()[i] = (long)MathF.Floor(v); break;
                case DataType.UInt32: r.Span<uint>()[i] = (uint)MathF.Floor(v); break;
                case DataType.UInt64: r.Span<ulong>()[i] = (ulong)MathF.Floor(v); break;
                case DataType.Bool: r.Span<byte>()[i] = v >= 0.5f ? (byte)1 : (byte)0; break;
                default: throw new ArgumentException($"cannot convert to {type}");
            }
        }
        return r;
    }
}
