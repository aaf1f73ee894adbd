using EdgeML.Runtime.Kernels.Blas;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// ai.edgeml FusedMatMul: Y = activation(A · B + Bias), float32 only (docs/edgeml-operators.md).
/// A is [..., M, K] (a 1-D A is one row, whose axis the result drops), B the matrix [K, N], Bias
/// (optional) [N]. With packed = 1, B holds the matrix prepacked into 16-column panels
/// (<see cref="PackedWeights"/>) and <c>columns</c> gives N. A triple loop: the oracle of the fast GEMM.
/// </summary>
public sealed class FusedMatMul : Kernel
{
    private readonly bool _packed;
    private readonly long _columns;
    private readonly Activation _activation;

    private FusedMatMul(bool packed, long columns, Activation activation)
    {
        _packed = packed;
        _columns = columns;
        _activation = activation;
    }

    public static Kernel Create(KernelInfo info)
    {
        bool packed = info.Attributes.GetInt("packed", 0) != 0;
        long columns = info.Attributes.GetInt("columns", 0);
        if (packed && columns < 1) throw info.Error("packed B needs the columns attribute");
        return new FusedMatMul(packed, columns, Activation.Read(info));
    }

    public override void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var b = context.Input(1);
        var bias = context.OptionalInput(2);
        var y = context.Output(0);
        if (a.Type != DataType.Float || b.Type != DataType.Float || (bias != null && bias.Type != DataType.Float))
            throw context.Error("FusedMatMul computes float32 only");
        if (a.Rank < 1) throw context.Error("A must have rank 1 or more");
        long k = a.Dim(a.Rank - 1);
        long n = _packed ? _columns : b.Rank == 2 ? b.Dim(1) : -1;
        if (!_packed && (b.Rank != 2 || b.Dim(0) != k)) throw context.Error($"B {Tensor.ShapeText(b.Shape)} must be a [{k}, N] matrix");
        if (_packed && b.Length != PackedWeights.PackedBSize(k, n)) throw context.Error($"packed B has {b.Length} values, expected {PackedWeights.PackedBSize(k, n)} for K {k}, N {n}");
        if (bias != null && bias.Length != n) throw context.Error($"Bias has {bias.Length} values, expected {n}");
        Span<long> shape = stackalloc long[Math.Max(a.Rank, 1)];
        a.Shape.CopyTo(shape);
        shape[a.Rank - 1] = n;
        y.Allocate(DataType.Float, shape[..a.Rank]);
        long m = a.Length / Math.Max(k, 1);
        if (k == 0) m = KernelHelpers.Product(a.Shape, 0, a.Rank - 1);
        var As = a.ReadOnlySpan<float>();
        var Bs = b.ReadOnlySpan<float>();
        var biasS = bias == null ? default : bias.ReadOnlySpan<float>();
        var ys = y.Span<float>();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                float s = 0;
                for (int p = 0; p < k; p++)
                    s += As[i * (int)k + p] * (_packed ? PackedWeights.ReadB(Bs, p, j, (int)k) : Bs[p * (int)n + j]);
                if (bias != null) s += biasS[j];
                ys[i * (int)n + j] = _activation.Apply(s);
            }
    }
}
