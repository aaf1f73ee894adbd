using System.Runtime.CompilerServices;
using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Kernels.Blas;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Optimized;

/// <summary>
/// Fast float32 Conv and ai.edgeml FusedConv (1 to 3 spatial axes). Depthwise convolutions (one
/// input and one output channel per group) run the dedicated <see cref="DepthwiseConvolution"/>;
/// every other convolution is, per image and group, one SGEMM Y[Mg × outputs] = W[Mg × Cg·taps] ·
/// columns, where the columns are the input itself for a pointwise (1×1, stride 1, unpadded)
/// convolution and the im2col matrix, packed straight from the input, otherwise. Bias, the residual
/// Z of FusedConv and the activation are the GEMM's epilogue. Weights come prepacked from the
/// compiler (FusedConv packed = 1), or are packed once here when constant. Other element types run
/// the reference kernel.
/// </summary>
internal sealed unsafe class ConvKernel : Kernel
{
    [ThreadStatic] private static NativeBuffer? t_padded;

    private readonly CpuVariant _variant;
    private readonly Kernel _reference;
    private readonly SpatialGeometry _geometry;
    private readonly long _group;
    private readonly bool _prepacked;
    private readonly long _outputChannels;
    private readonly Activation _activation;
    private readonly bool _constantWeights;
    private readonly WorkerPool? _workers;
    private readonly NativeBuffer _packed = new();
    private bool _packedValid;

    private ConvKernel(KernelInfo info, CpuVariant variant, Kernel reference, bool fused)
    {
        _variant = variant;
        _reference = reference;
        var a = info.Attributes;
        _group = a.GetInt("group", 1);
        _prepacked = fused && a.GetInt("packed", 0) != 0;
        _outputChannels = a.GetInt("output_channels", 0);
        _activation = fused ? Activation.Read(info) : Activation.None;
        _geometry = SpatialGeometry.Read(info, kernelRequired: _prepacked);
        _constantWeights = info.ConstantInput(1) != null;
        _workers = info.Workers;
    }

    /// <summary>The fast kernel for a Conv node, or null to use the reference one.</summary>
    public static Kernel? CreateConv(KernelInfo info, CpuVariant variant)
    {
        if (!IsFloat(info)) return null;
        var reference = Reference.Conv.Create(info);
        return new ConvKernel(info, variant, reference, fused: false);
    }

    /// <summary>The fast kernel for an ai.edgeml FusedConv node.</summary>
    public static Kernel? CreateFused(KernelInfo info, CpuVariant variant)
    {
        var reference = Reference.FusedConv.Create(info);
        return new ConvKernel(info, variant, reference, fused: true);
    }

    // Declared float (or not yet known): the fast path. Other types go straight to the reference.
    private static bool IsFloat(KernelInfo info) => info.InputType(0) is DataType.Float or DataType.Undefined;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var w = context.Input(1);
        var b = context.OptionalInput(2);
        var z = context.InputCount > 3 ? context.OptionalInput(3) : null;
        if (x.Type != DataType.Float || w.Type != DataType.Float || (b != null && b.Type != DataType.Float) || x.Rank < 3 || x.Rank > 5 || _group < 1)
        {
            _reference.Execute(context);
            return;
        }
        var y = context.Output(0);
        long n = x.Dim(0), c = x.Dim(1);
        long m = _prepacked ? _outputChannels : w.Dim(0);
        if (!_prepacked && w.Rank != x.Rank) throw context.Error($"W has rank {w.Rank}, X has rank {x.Rank}");
        if (c % _group != 0 || (!_prepacked && c != w.Dim(1) * _group)) throw context.Error($"X has {c} channels but W expects {(_prepacked ? c / _group : w.Dim(1))} x group {_group}");
        if (m % _group != 0) throw context.Error($"W has {m} feature maps, not a multiple of group {_group}");
        if (b != null && b.Length != m) throw context.Error($"B has {b.Length} values, expected {m}");
        var g = _geometry;
        g.Compute(x.Shape[2..], _prepacked ? default : w.Shape[2..], pooling: false);
        Span<long> shape = stackalloc long[x.Rank];
        g.OutputShape(n, m, shape);
        y.Allocate(DataType.Float, shape);
        if (z != null && (z.Type != DataType.Float || !z.Shape.SequenceEqual(y.Shape))) throw context.Error($"Z {Tensor.ShapeText(z.Shape)} must be float with Y's shape {Tensor.ShapeText(y.Shape)}");
        if (y.Length == 0) return;

        int cg = (int)(c / _group), mg = (int)(m / _group), taps = g.KernelSize, depth = cg * taps;
        int inPlane = g.InputSize, outPlane = g.OutputSize;
        float* xp = (float*)x.Pointer, yp = (float*)y.Pointer, wp = (float*)w.Pointer;
        float* bp = b == null ? null : (float*)b.Pointer, zp = z == null ? null : (float*)z.Pointer;

        if (!_prepacked && cg == 1 && mg == 1 && DepthwiseConvolution.Supports(g))
        {
            for (int ni = 0; ni < n; ni++)
                DepthwiseConvolution.Run(_variant, g, (int)c, xp + ni * c * inPlane, wp, bp, zp == null ? null : zp + ni * m * outPlane, yp + ni * m * outPlane, _activation, _workers);
            return;
        }

        long groupSize = PackedWeights.PackedASize(mg, depth);
        if (_prepacked)
        {
            if (w.Length != _group * groupSize) throw context.Error($"packed W has {w.Length} values, expected {_group * groupSize}");
        }
        else
        {
            // ONNX layout: pack once when constant, every run otherwise.
            if (!_packedValid || !_constantWeights)
            {
                float* dst = (float*)_packed.Ensure(_group * groupSize * sizeof(float));
                for (int gi = 0; gi < _group; gi++)
                    SgemmPacking.PackA(wp + (long)gi * mg * depth, depth, 1, 0, mg, 0, depth, dst + gi * groupSize, (nint)depth * Sgemm.PanelRows);
                _packedValid = true;
            }
            wp = (float*)_packed.Pointer;
        }

        bool pointwise = taps == 1 && g.Stride[0] == 1 && g.Stride[1] == 1 && g.Stride[2] == 1
            && g.PadBegin[0] == 0 && g.PadBegin[1] == 0 && g.PadBegin[2] == 0 && inPlane == outPlane;
        ConvolutionColumns columns = default;
        bool padded = false;
        if (!pointwise)
        {
            columns.Channels = cg;
            columns.KD = g.Kernel[0]; columns.KH = g.Kernel[1]; columns.KW = g.Kernel[2];
            columns.SD = g.Stride[0]; columns.SH = g.Stride[1]; columns.SW = g.Stride[2];
            columns.DD = g.Dilation[0]; columns.DH = g.Dilation[1]; columns.DW = g.Dilation[2];
            columns.OutD = g.Output[0]; columns.OutH = g.Output[1]; columns.OutW = g.Output[2];
            int ed = ConvolutionColumns.Extent(g.Output[0], g.Kernel[0], g.Stride[0], g.Dilation[0]);
            int eh = ConvolutionColumns.Extent(g.Output[1], g.Kernel[1], g.Stride[1], g.Dilation[1]);
            int ew = ConvolutionColumns.Extent(g.Output[2], g.Kernel[2], g.Stride[2], g.Dilation[2]);
            // Read in place when unpadded at stride 1 along rows; otherwise prepared (padded, phase-split).
            padded = g.PadBegin[0] != 0 || g.PadBegin[1] != 0 || g.PadBegin[2] != 0 || ed > g.Input[0] || eh > g.Input[1] || ew > g.Input[2] || g.Stride[2] != 1;
            if (padded)
            {
                columns.InD = ed;
                columns.InH = eh;
                columns.PhaseLength = (ew + g.Stride[2] - 1) / g.Stride[2];
            }
            else
            {
                columns.InD = g.Input[0];
                columns.InH = g.Input[1];
                columns.PhaseLength = g.Input[2];
            }
        }
        float* paddedInput = padded ? (float*)(t_padded ??= new NativeBuffer()).Ensure((long)cg * columns.InD * columns.InH * columns.RowLength * sizeof(float)) : null;
        var ep = SgemmEpilogue.Default;
        ep.Activation = _activation;
        ep.ResidualRowStride = outPlane;
        for (int ni = 0; ni < n; ni++)
            for (int gi = 0; gi < _group; gi++)
            {
                float* xg = xp + ((long)ni * c + (long)gi * cg) * inPlane;
                long yOffset = ((long)ni * m + (long)gi * mg) * outPlane;
                ep.RowBias = bp == null ? null : bp + (long)gi * mg;
                ep.Residual = zp == null ? null : zp + yOffset;
                var a = SgemmOperand.Packed(wp + gi * groupSize);
                if (pointwise)
                {
                    Sgemm.Multiply(_variant, mg, outPlane, depth, a, SgemmOperand.RowMajor(xg, inPlane), yp + yOffset, outPlane, ep, _workers);
                }
                else
                {
                    if (padded)
                    {
                        ConvolutionColumns.PrepareInput(_variant, xg, cg, g.Input[0], g.Input[1], g.Input[2], paddedInput, columns.InD, columns.InH, g.Stride[2], columns.PhaseLength, g.PadBegin[0], g.PadBegin[1], g.PadBegin[2]);
                        columns.Input = paddedInput;
                    }
                    else columns.Input = xg;
                    Sgemm.Multiply(_variant, mg, outPlane, depth, a, SgemmOperand.Im2Col(&columns), yp + yOffset, outPlane, ep, _workers);
                }
            }
    }
}
