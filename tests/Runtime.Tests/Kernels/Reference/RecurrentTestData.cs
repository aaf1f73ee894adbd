using EdgeML.Compiler.Onnx;
using EdgeML.Compiler.Verification;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>Tensor helpers for the recurrent-layer tests: type conversions and axis permutations.</summary>
internal static class RecurrentTestData
{
    /// <summary>A one-node model of <paramref name="op"/> over graph inputs (sequence lengths "lens"
    /// are int32); omitted optional inputs and outputs are empty strings.</summary>
    public static OnnxModelBuilder Model(string op, int hidden, string direction, string[] inputs, string[] outputs,
        Action<OnnxNodeBuilder>? attrs = null, int opset = 14, DataType type = DataType.Float)
    {
        var m = new OnnxModelBuilder(opset);
        foreach (var name in inputs)
            if (name.Length > 0) m.Graph.Input(name, name == "lens" ? DataType.Int32 : type, null);
        foreach (var name in outputs)
            if (name.Length > 0) m.Graph.Output(name, type, null);
        var node = m.Graph.Node(op, inputs, outputs).Attr("hidden_size", (long)hidden).Attr("direction", direction);
        attrs?.Invoke(node);
        return m;
    }

    /// <summary>Random operands of a layer with <paramref name="gates"/> gates: x, w, r, b, lens (4, 2, 3 for a batch of 3), h0.</summary>
    public static Dictionary<string, Tensor> Inputs(int gates, int dirs, int seq, int batch, int input, int hidden, int seed)
    {
        var lens = Enumerable.Range(0, batch).Select(i => new[] { seq, Math.Max(1, seq / 2), Math.Max(1, seq - 1) }[i % 3]).ToArray();
        return new Dictionary<string, Tensor>
        {
            ["x"] = OpTester.Random("x", [seq, batch, input], seed),
            ["w"] = OpTester.Random("w", [dirs, gates * hidden, input], seed + 1, -0.6f, 0.6f),
            ["r"] = OpTester.Random("r", [dirs, gates * hidden, hidden], seed + 2, -0.6f, 0.6f),
            ["b"] = OpTester.Random("b", [dirs, 2 * gates * hidden], seed + 3, -0.5f, 0.5f),
            ["lens"] = OpTester.Make("lens", DataType.Int32, [batch], lens),
            ["h0"] = OpTester.Random("h0", [dirs, batch, hidden], seed + 4),
        };
    }

    public static Dictionary<string, Tensor> Pick(Dictionary<string, Tensor> inputs, string[] names)
        => names.Where(n => n.Length > 0).ToDictionary(n => n, n => inputs[n]);

    public static Tensor ToDouble(Tensor t)
    {
        var d = new Tensor(t.Name);
        d.Allocate(DataType.Double, t.Shape);
        var src = t.ReadOnlySpan<float>();
        var dst = d.Span<double>();
        for (int i = 0; i < src.Length; i++) dst[i] = src[i];
        return d;
    }

    public static Tensor ToHalf(Tensor t)
    {
        var h = new Tensor(t.Name);
        h.Allocate(DataType.Float16, t.Shape);
        var src = t.ReadOnlySpan<float>();
        var dst = h.Span<Half>();
        for (int i = 0; i < src.Length; i++) dst[i] = (Half)src[i];
        return h;
    }

    public static Tensor ToBFloat16(Tensor t)
    {
        var h = new Tensor(t.Name);
        h.Allocate(DataType.BFloat16, t.Shape);
        var src = t.ReadOnlySpan<float>();
        var dst = h.Span<ushort>();
        for (int i = 0; i < src.Length; i++) dst[i] = BFloat16.FromSingle(src[i]);
        return h;
    }

    /// <summary>A float16 or bfloat16 tensor widened to float32.</summary>
    public static Tensor ToFloat(Tensor t)
    {
        var f = new Tensor(t.Name);
        f.Allocate(DataType.Float, t.Shape);
        var dst = f.Span<float>();
        if (t.Type == DataType.Float16)
        {
            var src = t.ReadOnlySpan<Half>();
            for (int i = 0; i < src.Length; i++) dst[i] = (float)src[i];
        }
        else
        {
            var src = t.ReadOnlySpan<ushort>();
            for (int i = 0; i < src.Length; i++) dst[i] = BFloat16.ToSingle(src[i]);
        }
        return f;
    }

    public static Tensor SwapAxes(Tensor t, int a, int b)
    {
        var perm = Enumerable.Range(0, t.Rank).ToArray();
        (perm[a], perm[b]) = (perm[b], perm[a]);
        return Permute(t, perm);
    }

    /// <summary>Transposes a float tensor: result dimension i is source dimension perm[i].</summary>
    public static Tensor Permute(Tensor t, int[] perm)
    {
        var shape = t.Shape.ToArray();
        var outShape = perm.Select(p => shape[p]).ToArray();
        var result = new Tensor(t.Name);
        result.Allocate(t.Type, outShape);
        var src = t.ReadOnlySpan<float>();
        var dst = result.Span<float>();
        var strides = new long[shape.Length];
        for (int i = shape.Length - 1, s = 1; i >= 0; s *= (int)shape[i], i--) strides[i] = s;
        var index = new long[outShape.Length];
        for (int o = 0; o < dst.Length; o++)
        {
            long offset = 0;
            for (int i = 0; i < index.Length; i++) offset += index[i] * strides[perm[i]];
            dst[o] = src[(int)offset];
            for (int i = index.Length - 1; i >= 0; i--)
            {
                if (++index[i] < outShape[i]) break;
                index[i] = 0;
            }
        }
        return result;
    }

    public static void AssertClose(Tensor expected, Tensor actual, double rtol = 1e-4, double atol = 1e-5)
    {
        var r = TensorComparison.Compare(actual, expected, rtol, atol);
        Assert.True(r.Equal, r.Reason);
    }
}
