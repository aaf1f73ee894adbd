using System.Runtime.CompilerServices;
using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Kernels.Blas;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Optimized;

/// <summary>
/// Fast float32 MatMul, Gemm and ai.edgeml FusedMatMul on the blocked SGEMM. A matrix B that is a
/// constant is packed once (or arrives prepacked from the compiler, FusedMatMul packed = 1); a 2-D
/// B multiplies all of A's leading axes in one product; batched B broadcasts matrix by matrix.
/// Gemm's alpha, beta and C (scalar, row, column or full) and FusedMatMul's bias and activation are
/// the GEMM epilogue. Other element types run the reference kernel.
/// </summary>
internal sealed unsafe class MatMulKernel : Kernel
{
    private enum Mode { MatMul, Gemm, Fused }

    private readonly CpuVariant _variant;
    private readonly Kernel _reference;
    private readonly Mode _mode;
    private readonly float _alpha = 1, _beta = 1;
    private readonly bool _transA, _transB;
    private readonly bool _prepacked;
    private readonly long _columns;
    private readonly Activation _activation = Activation.None;
    private readonly bool _constantB;
    private readonly WorkerPool? _workers;
    private readonly NativeBuffer _packed = new();
    private bool _packedValid;

    private MatMulKernel(KernelInfo info, CpuVariant variant, Kernel reference, Mode mode)
    {
        _variant = variant;
        _reference = reference;
        _mode = mode;
        var a = info.Attributes;
        if (mode == Mode.Gemm)
        {
            _alpha = a.GetFloat("alpha", 1);
            _beta = a.GetFloat("beta", 1);
            _transA = a.GetInt("transA", 0) != 0;
            _transB = a.GetInt("transB", 0) != 0;
        }
        if (mode == Mode.Fused)
        {
            _prepacked = a.GetInt("packed", 0) != 0;
            _columns = a.GetInt("columns", 0);
            _activation = Activation.Read(info);
        }
        _constantB = info.ConstantInput(1) != null;
        _workers = info.Workers;
    }

    private static bool IsFloat(KernelInfo info) => info.InputType(0) is DataType.Float or DataType.Undefined;

    public static Kernel? CreateMatMul(KernelInfo info, CpuVariant variant)
        => IsFloat(info) ? new MatMulKernel(info, variant, Reference.MatMul.Create(info), Mode.MatMul) : null;

    public static Kernel? CreateGemm(KernelInfo info, CpuVariant variant)
        => IsFloat(info) ? new MatMulKernel(info, variant, Reference.Gemm.Create(info), Mode.Gemm) : null;

    public static Kernel? CreateFused(KernelInfo info, CpuVariant variant)
        => new MatMulKernel(info, variant, Reference.FusedMatMul.Create(info), Mode.Fused);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var b = context.Input(1);
        var c = context.OptionalInput(2);
        if (a.Type != DataType.Float || b.Type != DataType.Float || (c != null && c.Type != DataType.Float) || a.Rank < 1 || b.Rank < 1
            || (_mode == Mode.Fused && !_prepacked && b.Rank != 2))
        {
            _reference.Execute(context);
            return;
        }
        var y = context.Output(0);
        if (_mode == Mode.Gemm) RunGemm(context, a, b, c, y);
        else if (b.Rank == 2 || _prepacked) RunMatrix(context, a, b, c, y);
        else RunBatched(context, a, b, y);
    }

    /// <summary>B is one matrix [K, N] (or prepacked): A's leading axes are rows of one product.</summary>
    private void RunMatrix(KernelContext context, Tensor a, Tensor b, Tensor? bias, Tensor y)
    {
        long k = a.Dim(a.Rank - 1);
        long n = _prepacked ? _columns : b.Dim(1);
        if (!_prepacked && b.Dim(0) != k) throw context.Error($"shapes {Tensor.ShapeText(a.Shape)} and {Tensor.ShapeText(b.Shape)} cannot be multiplied ({k} != {b.Dim(0)})");
        if (_prepacked && b.Length != PackedWeights.PackedBSize(k, n)) throw context.Error($"packed B has {b.Length} values, expected {PackedWeights.PackedBSize(k, n)} for K {k}, N {n}");
        if (bias != null && bias.Length != n) throw context.Error($"Bias has {bias.Length} values, expected {n}");
        Span<long> shape = stackalloc long[Math.Max(a.Rank, 1)];
        a.Shape.CopyTo(shape);
        shape[a.Rank - 1] = n;
        y.Allocate(DataType.Float, shape[..a.Rank]);
        long m = KernelHelpers.Product(a.Shape, 0, a.Rank - 1);
        if (y.Length == 0) return;
        var ep = SgemmEpilogue.Default;
        ep.ColumnBias = bias == null ? null : (float*)bias.Pointer;
        ep.Activation = _activation;
        Sgemm.Multiply(_variant, (int)m, (int)n, (int)k, SgemmOperand.RowMajor((float*)a.Pointer, (nint)k), OperandB(b, (int)k, (int)n, false), (float*)y.Pointer, (nint)n, ep, _workers);
    }

    /// <summary>B as the GEMM reads it: prepacked in place, packed once when constant, else strided.</summary>
    private SgemmOperand OperandB(Tensor b, int k, int n, bool transposed)
    {
        if (_prepacked) return SgemmOperand.Packed((float*)b.Pointer);
        if (_constantB && (long)k * n > 0)
        {
            long size = PackedWeights.PackedBSize(k, n);
            if (!_packedValid)
            {
                var dst = new Span<float>(_packed.Ensure(size * sizeof(float)), (int)size);
                PackedWeights.PackB(b.ReadOnlySpan<float>(), k, n, transposed, dst);
                _packedValid = true;
            }
            return SgemmOperand.Packed((float*)_packed.Pointer);
        }
        return transposed ? SgemmOperand.Strided((float*)b.Pointer, 1, k) : SgemmOperand.RowMajor((float*)b.Pointer, n);
    }

    /// <summary>numpy.matmul with a batched B: one product per broadcast batch index.</summary>
    private void RunBatched(KernelContext context, Tensor a, Tensor b, Tensor y)
    {
        Span<long> batch = stackalloc long[Broadcast.MaxRank];
        var dims = new MatMulShape(context, a, b, batch);
        Span<long> shape = stackalloc long[dims.Batch.Length + 2];
        y.Allocate(DataType.Float, dims.OutputShape(shape));
        if (y.Length == 0) return;
        var ep = SgemmEpilogue.Default;
        ep.Activation = _activation;
        long m = dims.M, k = dims.K, n = dims.N;
        int batchRank = dims.Batch.Length;
        var aBatch = dims.ABatch;
        var bBatch = dims.BBatch;
        long aSize = m * k, bSize = k * n, ySize = m * n;
        float* ap = (float*)a.Pointer, bp = (float*)b.Pointer, yp = (float*)y.Pointer;
        Span<long> aStrides = stackalloc long[Math.Max(batchRank, 1)];
        Span<long> bStrides = stackalloc long[Math.Max(batchRank, 1)];
        Span<long> index = stackalloc long[Math.Max(batchRank, 1)];
        Broadcast.Strides(aBatch, batch[..batchRank], aStrides[..batchRank]);
        Broadcast.Strides(bBatch, batch[..batchRank], bStrides[..batchRank]);
        index.Clear();
        long count = Broadcast.Count(batch[..batchRank]);
        long aOffset = 0, bOffset = 0;
        for (long i = 0; i < count; i++)
        {
            Sgemm.Multiply(_variant, (int)m, (int)n, (int)k, SgemmOperand.RowMajor(ap + aOffset * aSize, (nint)k), SgemmOperand.RowMajor(bp + bOffset * bSize, (nint)n), yp + i * ySize, (nint)n, ep, _workers);
            for (int axis = batchRank - 1; axis >= 0; axis--)
            {
                index[axis]++;
                aOffset += aStrides[axis];
                bOffset += bStrides[axis];
                if (index[axis] < batch[axis]) break;
                aOffset -= aStrides[axis] * batch[axis];
                bOffset -= bStrides[axis] * batch[axis];
                index[axis] = 0;
            }
        }
    }

    private void RunGemm(KernelContext context, Tensor a, Tensor b, Tensor? c, Tensor y)
    {
        if (a.Rank != 2 || b.Rank != 2) throw context.Error($"A and B must be matrices, not {Tensor.ShapeText(a.Shape)} and {Tensor.ShapeText(b.Shape)}");
        long m = _transA ? a.Dim(1) : a.Dim(0), k = _transA ? a.Dim(0) : a.Dim(1);
        long kb = _transB ? b.Dim(1) : b.Dim(0), n = _transB ? b.Dim(0) : b.Dim(1);
        if (k != kb) throw context.Error($"A' is {m}x{k} but B' is {kb}x{n}");
        var ep = SgemmEpilogue.Default;
        ep.Alpha = _alpha;
        ep.Beta = _beta;
        if (c != null && _beta != 0)
        {
            if (c.Rank > 2) throw context.Error($"C {Tensor.ShapeText(c.Shape)} cannot broadcast to [{m},{n}]");
            long cm = c.Rank == 2 ? c.Dim(0) : 1, cn = c.Rank >= 1 ? c.Dim(c.Rank - 1) : 1;
            if ((cm != 1 && cm != m) || (cn != 1 && cn != n)) throw context.Error($"C {Tensor.ShapeText(c.Shape)} cannot broadcast to [{m},{n}]");
            float* cp = (float*)c.Pointer;
            if (cm == m && cn == n && (m != 1 || n != 1)) { ep.Residual = cp; ep.ResidualRowStride = (nint)n; }
            else if (cn == n && n != 1) ep.ColumnBias = cp;
            else { ep.RowBias = cp; ep.RowBiasStride = cm == m && m != 1 ? 1 : 0; }
        }
        else if (c != null)
        {
            if (c.Rank > 2) throw context.Error($"C {Tensor.ShapeText(c.Shape)} cannot broadcast to [{m},{n}]");
        }
        Span<long> shape = [m, n];
        y.Allocate(DataType.Float, shape);
        if (y.Length == 0) return;
        var opA = _transA ? SgemmOperand.Strided((float*)a.Pointer, 1, (nint)m) : SgemmOperand.RowMajor((float*)a.Pointer, (nint)k);
        Sgemm.Multiply(_variant, (int)m, (int)n, (int)k, opA, OperandB(b, (int)k, (int)n, _transB), (float*)y.Pointer, (nint)n, ep, _workers);
    }
}
