using EdgeML.Compiler.Onnx;
using EdgeML.Compiler.Verification;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels;

/// <summary>One input of a single-operator test model.</summary>
public sealed record TestInput(DataType Type, long[] Shape, double Low = -3, double High = 3);

/// <summary>
/// Single-operator models for the elementwise kernels: built from input types and shapes, fed
/// with seeded random values of any element type, and checked against ONNX Runtime or against
/// values computed independently in the test.
/// </summary>
public static class ElementwiseTesting
{
    public static OnnxModelBuilder Model(int opset, string op, TestInput[] inputs, DataType[] outputTypes, Action<OnnxNodeBuilder>? attributes = null)
    {
        var m = new OnnxModelBuilder(opset);
        var names = new string[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            names[i] = $"x{i}";
            m.Graph.Input(names[i], inputs[i].Type, inputs[i].Shape.Cast<object?>().ToArray());
        }
        var outputs = new string[outputTypes.Length];
        for (int i = 0; i < outputTypes.Length; i++)
        {
            outputs[i] = $"y{i}";
            m.Graph.Output(outputs[i], outputTypes[i], null);
        }
        var node = m.Graph.Node(op, names, outputs);
        attributes?.Invoke(node);
        return m;
    }

    public static Dictionary<string, Tensor> RandomInputs(TestInput[] inputs, int seed)
    {
        var d = new Dictionary<string, Tensor>();
        for (int i = 0; i < inputs.Length; i++) d[$"x{i}"] = Random($"x{i}", inputs[i], seed + i);
        return d;
    }

    /// <summary>Random values in [Low, High) (integers: whole numbers in that range, clamped to the type).</summary>
    public static Tensor Random(string name, TestInput input, int seed)
    {
        var rng = new Random(seed);
        var t = new Tensor(name);
        t.Allocate(input.Type, input.Shape);
        int n = (int)t.Length;
        double Next() => input.Low + rng.NextDouble() * (input.High - input.Low);
        long NextInteger(long min, long max) => (long)Math.Clamp(Math.Floor(Next()), min, max);
        switch (input.Type)
        {
            case DataType.Float: for (int i = 0; i < n; i++) t.Span<float>()[i] = (float)Next(); break;
            case DataType.Double: for (int i = 0; i < n; i++) t.Span<double>()[i] = Next(); break;
            case DataType.Float16: for (int i = 0; i < n; i++) t.Span<Half>()[i] = (Half)Next(); break;
            case DataType.BFloat16: for (int i = 0; i < n; i++) t.Span<ushort>()[i] = BFloat16.FromSingle((float)Next()); break;
            case DataType.Int8: for (int i = 0; i < n; i++) t.Span<sbyte>()[i] = (sbyte)NextInteger(sbyte.MinValue, sbyte.MaxValue); break;
            case DataType.Int16: for (int i = 0; i < n; i++) t.Span<short>()[i] = (short)NextInteger(short.MinValue, short.MaxValue); break;
            case DataType.Int32: for (int i = 0; i < n; i++) t.Span<int>()[i] = (int)NextInteger(int.MinValue, int.MaxValue); break;
            case DataType.Int64: for (int i = 0; i < n; i++) t.Span<long>()[i] = NextInteger(long.MinValue, long.MaxValue); break;
            case DataType.UInt8: for (int i = 0; i < n; i++) t.Span<byte>()[i] = (byte)NextInteger(0, byte.MaxValue); break;
            case DataType.UInt16: for (int i = 0; i < n; i++) t.Span<ushort>()[i] = (ushort)NextInteger(0, ushort.MaxValue); break;
            case DataType.UInt32: for (int i = 0; i < n; i++) t.Span<uint>()[i] = (uint)NextInteger(0, uint.MaxValue); break;
            case DataType.UInt64: for (int i = 0; i < n; i++) t.Span<ulong>()[i] = (ulong)NextInteger(0, long.MaxValue); break;
            case DataType.Bool: for (int i = 0; i < n; i++) t.Span<byte>()[i] = (byte)rng.Next(2); break;
            case DataType.String:
                string[] words = ["", "a", "ab", "b", "ba", "Z", "é", "10"];
                for (int i = 0; i < n; i++) t.Strings[i] = words[rng.Next(words.Length)];
                break;
            default: throw new ArgumentException($"no random values for {input.Type}");
        }
        return t;
    }

    /// <summary>Runs the operator on EdgeML and ONNX Runtime with the same random inputs and asserts equal outputs.</summary>
    public static void AssertMatchesOrt(int opset, string op, TestInput[] inputs, DataType outputType, Action<OnnxNodeBuilder>? attributes = null,
        int seed = 1, double rtol = 1e-4, double atol = 1e-5)
        => OpTester.AssertMatchesOrt(Model(opset, op, inputs, [outputType], attributes), RandomInputs(inputs, seed), rtol, atol);

    /// <summary>Runs the operator on EdgeML only and returns output 0.</summary>
    public static Tensor Run(int opset, string op, TestInput[] inputs, DataType outputType, Dictionary<string, Tensor> values, Action<OnnxNodeBuilder>? attributes = null)
        => OpTester.RunEdgeML(Model(opset, op, inputs, [outputType], attributes).ToBytes(), values)[0];

    /// <summary>
    /// Checks a unary floating-point operator on <paramref name="type"/> against <paramref name="reference"/>
    /// evaluated in double on the same (rounded) inputs, the result rounded to the type. For the types
    /// ONNX Runtime lacks, and as an oracle independent of it.
    /// </summary>
    public static void AssertUnaryMatchesReference(int opset, string op, DataType type, Func<double, double> reference,
        double low = -3, double high = 3, Action<OnnxNodeBuilder>? attributes = null, double rtol = 1e-4, double atol = 1e-5)
    {
        var input = new TestInput(type, [3, 7], low, high);
        var x = Random("x0", input, 7);
        var y = Run(opset, op, [input], type, new() { ["x0"] = x }, attributes);
        var expected = new Tensor("expected");
        expected.Allocate(type, x.Shape);
        for (int i = 0; i < x.Length; i++) ElementConversion.WriteSingle(expected, i, reference(ElementConversion.ReadSingle(x, i)));
        var r = TensorComparison.Compare(y, expected, rtol, atol);
        Assert.True(r.Equal, $"{op} on {DataTypeInfo.Name(type)}: {r.Reason}");
    }

    /// <summary>
    /// Checks a broadcasting binary operator on float-like inputs against <paramref name="reference"/>
    /// evaluated in double, broadcasting by plain index arithmetic (not the runtime's helpers).
    /// </summary>
    public static void AssertBinaryMatchesReference(int opset, string op, TestInput a, TestInput b, Func<double, double, double> reference,
        Action<OnnxNodeBuilder>? attributes = null, double rtol = 1e-4, double atol = 1e-5)
    {
        var values = RandomInputs([a, b], 11);
        var y = Run(opset, op, [a, b], a.Type, values, attributes);
        int rank = Math.Max(a.Shape.Length, b.Shape.Length);
        var shape = new long[rank];
        for (int d = 0; d < rank; d++) shape[d] = Math.Max(Dim(a.Shape, d, rank), Dim(b.Shape, d, rank));
        var expected = new Tensor("expected");
        expected.Allocate(a.Type, shape);
        var index = new long[rank];
        for (int i = 0; i < expected.Length; i++)
        {
            long rest = i;
            for (int d = rank - 1; d >= 0; d--) { index[d] = rest % shape[d]; rest /= shape[d]; }
            double va = ElementConversion.ReadSingle(values["x0"], (int)Offset(a.Shape, index));
            double vb = ElementConversion.ReadSingle(values["x1"], (int)Offset(b.Shape, index));
            ElementConversion.WriteSingle(expected, i, reference(va, vb));
        }
        var r = TensorComparison.Compare(y, expected, rtol, atol);
        Assert.True(r.Equal, $"{op} on {DataTypeInfo.Name(a.Type)}: {r.Reason}");
    }

    private static long Dim(long[] shape, int d, int rank) => d < rank - shape.Length ? 1 : shape[d - (rank - shape.Length)];

    /// <summary>The flat offset in a tensor of <paramref name="shape"/> broadcast to the output index.</summary>
    private static long Offset(long[] shape, long[] index)
    {
        long offset = 0;
        int skip = index.Length - shape.Length;
        for (int d = 0; d < shape.Length; d++) offset = offset * shape[d] + (shape[d] == 1 ? 0 : index[d + skip]);
        return offset;
    }

    /// <summary>A tensor of <paramref name="type"/> holding <paramref name="values"/>.</summary>
    public static Tensor Make<T>(string name, DataType type, long[] shape, params T[] values) where T : unmanaged => OpTester.Make(name, type, shape, values);

    public static Tensor MakeStrings(string name, long[] shape, params string[] values)
    {
        var t = new Tensor(name);
        t.Allocate(DataType.String, shape);
        values.CopyTo(t.Strings);
        return t;
    }
}
