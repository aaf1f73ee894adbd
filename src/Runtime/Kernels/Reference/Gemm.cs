using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// Gemm: Y = alpha · A' · B' + beta · C, A' and B' optionally transposed, C (optional from opset 11)
/// unidirectionally broadcast to [M, N]. The opset 1 and 6 broadcast attribute is accepted (C
/// always broadcasts). Integer types scale by alpha and beta cast to the type, as ONNX Runtime does.
/// float16 and bfloat16 are computed in float32.
/// </summary>
public sealed class Gemm : Kernel
{
    private readonly float _alpha, _beta;
    private readonly bool _transA, _transB;
    private float[]? _a, _b, _c, _y;

    private Gemm(float alpha, float beta, bool transA, bool transB)
    {
        _alpha = alpha;
        _beta = beta;
        _transA = transA;
        _transB = transB;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        return new Gemm(a.GetFloat("alpha", 1), a.GetFloat("beta", 1), a.GetInt("transA", 0) != 0, a.GetInt("transB", 0) != 0);
    }

    public override void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var b = context.Input(1);
        var c = context.OptionalInput(2);
        var y = context.Output(0);
        if (a.Rank != 2 || b.Rank != 2) throw context.Error($"A and B must be matrices, not {Tensor.ShapeText(a.Shape)} and {Tensor.ShapeText(b.Shape)}");
        if (a.Type != b.Type || (c != null && c.Type != a.Type)) throw context.Error("A, B and C must have the same element type");
        long m = _transA ? a.Dim(1) : a.Dim(0), k = _transA ? a.Dim(0) : a.Dim(1);
        long kb = _transB ? b.Dim(1) : b.Dim(0), n = _transB ? b.Dim(0) : b.Dim(1);
        if (k != kb) throw context.Error($"A' is {m}x{k} but B' is {kb}x{n}");
        // C broadcast to [M, N]: its strides along rows and columns (0 when broadcast).
        int cRow = 0, cCol = 0;
        if (c != null)
        {
            if (c.Rank > 2) throw context.Error($"C {Tensor.ShapeText(c.Shape)} cannot broadcast to [{m},{n}]");
            long cm = c.Rank == 2 ? c.Dim(0) : 1, cn = c.Rank >= 1 ? c.Dim(c.Rank - 1) : 1;
            if ((cm != 1 && cm != m) || (cn != 1 && cn != n)) throw context.Error($"C {Tensor.ShapeText(c.Shape)} cannot broadcast to [{m},{n}]");
            cRow = cm == 1 ? 0 : (int)cn;
            cCol = cn == 1 ? 0 : 1;
        }
        Span<long> shape = [m, n];
        y.Allocate(a.Type, shape);
        var d = new Dims((int)m, (int)k, (int)n, cRow, cCol);
        switch (a.Type)
        {
            case DataType.Float: Run(a.ReadOnlySpan<float>(), b.ReadOnlySpan<float>(), c == null ? default : c.ReadOnlySpan<float>(), c != null, y.Span<float>(), d); break;
            case DataType.Double: Run(a.ReadOnlySpan<double>(), b.ReadOnlySpan<double>(), c == null ? default : c.ReadOnlySpan<double>(), c != null, y.Span<double>(), d); break;
            case DataType.Int32: Run(a.ReadOnlySpan<int>(), b.ReadOnlySpan<int>(), c == null ? default : c.ReadOnlySpan<int>(), c != null, y.Span<int>(), d); break;
            case DataType.Int64: Run(a.ReadOnlySpan<long>(), b.ReadOnlySpan<long>(), c == null ? default : c.ReadOnlySpan<long>(), c != null, y.Span<long>(), d); break;
            case DataType.UInt32: Run(a.ReadOnlySpan<uint>(), b.ReadOnlySpan<uint>(), c == null ? default : c.ReadOnlySpan<uint>(), c != null, y.Span<uint>(), d); break;
            case DataType.UInt64: Run(a.ReadOnlySpan<ulong>(), b.ReadOnlySpan<ulong>(), c == null ? default : c.ReadOnlySpan<ulong>(), c != null, y.Span<ulong>(), d); break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Run(FloatStaging.Widen(a, ref _a), FloatStaging.Widen(b, ref _b), c == null ? default : FloatStaging.Widen(c, ref _c), c != null, ys, d);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(a.Type)} is not supported");
        }
    }

    private readonly record struct Dims(int M, int K, int N, int CRow, int CCol);

    private void Run<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> c, bool hasC, Span<T> y, Dims d) where T : INumber<T>
    {
        if (y.IsEmpty) return;
        int aRow = _transA ? 1 : d.K, aCol = _transA ? d.M : 1;
        int bRow = _transB ? 1 : d.N, bCol = _transB ? d.K : 1;
        MatrixLoops.Multiply(a, aRow, aCol, b, bRow, bCol, y, d.N, d.M, d.K, d.N);
        T alpha = T.CreateTruncating(_alpha), beta = T.CreateTruncating(_beta);
        bool scale = alpha != T.One;
        for (int i = 0; i < d.M; i++)
        {
            var row = y.Slice(i * d.N, d.N);
            if (scale) for (int j = 0; j < row.Length; j++) row[j] *= alpha;
            if (!hasC || _beta == 0) continue;
            for (int j = 0; j < row.Length; j++) row[j] += beta * c[i * d.CRow + j * d.CCol];
        }
    }
}
