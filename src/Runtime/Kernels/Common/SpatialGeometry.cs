using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>How the padding of a convolution or pooling window is chosen.</summary>
public enum AutoPad { NotSet, SameUpper, SameLower, Valid }

/// <summary>
/// The sliding-window attributes shared by convolutions and pooling (kernel_shape, strides,
/// dilations, pads, auto_pad, ceil_mode), read once when the kernel is created, and the geometry
/// of one run (input, kernel, output sizes and paddings) computed in Execute without allocating.
/// Spatial axes are normalised to three (depth, height, width): a 1-D or 2-D operator is a 3-D one
/// whose leading spatial axes have size 1, kernel 1, stride 1 and no padding.
/// </summary>
public sealed class SpatialGeometry
{
    public const int MaxRank = 3;

    private readonly long[]? _kernelShape;
    private readonly long[]? _strides;
    private readonly long[]? _dilations;
    private readonly long[]? _pads;

    public AutoPad AutoPad { get; }
    public bool CeilMode { get; }

    /// <summary>Spatial rank of the current run (1 to 3).</summary>
    public int Rank { get; private set; }
    // Geometry of the current run, three axes each; the first 3 - Rank axes are neutral.
    public readonly int[] Input = new int[MaxRank];
    public readonly int[] Kernel = new int[MaxRank];
    public readonly int[] Stride = new int[MaxRank];
    public readonly int[] Dilation = new int[MaxRank];
    public readonly int[] PadBegin = new int[MaxRank];
    public readonly int[] PadEnd = new int[MaxRank];
    public readonly int[] Output = new int[MaxRank];

    private SpatialGeometry(long[]? kernelShape, long[]? strides, long[]? dilations, long[]? pads, AutoPad autoPad, bool ceilMode)
    {
        _kernelShape = kernelShape;
        _strides = strides;
        _dilations = dilations;
        _pads = pads;
        AutoPad = autoPad;
        CeilMode = ceilMode;
    }

    /// <summary>Reads the window attributes of a node; <paramref name="kernelRequired"/> for pooling,
    /// where kernel_shape is mandatory.</summary>
    public static SpatialGeometry Read(KernelInfo info, bool kernelRequired)
    {
        var a = info.Attributes;
        var kernel = a.GetIntsOrNull("kernel_shape");
        if (kernelRequired && kernel == null) throw info.Error("attribute kernel_shape is required");
        var strides = a.GetIntsOrNull("strides");
        var dilations = a.GetIntsOrNull("dilations");
        var pads = a.GetIntsOrNull("pads");
        var autoPad = ParseAutoPad(info, a.GetString("auto_pad", "NOTSET"));
        bool ceil = a.GetInt("ceil_mode", 0) != 0;
        if (kernel != null)
        {
            foreach (var k in kernel) if (k < 1) throw info.Error($"kernel_shape {Tensor.ShapeText(kernel)} must be positive");
        }
        if (strides != null) foreach (var s in strides) if (s < 1) throw info.Error($"strides {Tensor.ShapeText(strides)} must be positive");
        if (dilations != null) foreach (var d in dilations) if (d < 1) throw info.Error($"dilations {Tensor.ShapeText(dilations)} must be positive");
        if (pads != null) foreach (var p in pads) if (p < 0) throw info.Error($"pads {Tensor.ShapeText(pads)} must not be negative");
        return new SpatialGeometry(kernel, strides, dilations, pads, autoPad, ceil);
    }

    public static AutoPad ParseAutoPad(KernelInfo info, string value) => value switch
    {
        "NOTSET" or "" => AutoPad.NotSet,
        "SAME_UPPER" => AutoPad.SameUpper,
        "SAME_LOWER" => AutoPad.SameLower,
        "VALID" => AutoPad.Valid,
        _ => throw info.Error($"auto_pad '{value}' is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID"),
    };

    /// <summary>The kernel_shape attribute, or null when absent (convolutions take it from W).</summary>
    public long[]? KernelShape => _kernelShape;

    public int InputSize => Input[0] * Input[1] * Input[2];
    public int OutputSize => Output[0] * Output[1] * Output[2];
    public int KernelSize => Kernel[0] * Kernel[1] * Kernel[2];

    /// <summary>Sets the geometry for one run. <paramref name="inputSpatial"/> are the input's spatial
    /// dimensions; <paramref name="kernelSpatial"/> the kernel's (from the weights), or empty to use
    /// kernel_shape. Pooling passes <paramref name="pooling"/> so that ceil_mode applies.</summary>
    public void Compute(ReadOnlySpan<long> inputSpatial, ReadOnlySpan<long> kernelSpatial, bool pooling)
    {
        int rank = inputSpatial.Length;
        CheckRank(rank);
        if (kernelSpatial.IsEmpty)
        {
            if (_kernelShape == null) throw new EdgeMLException("kernel_shape is missing");
            kernelSpatial = _kernelShape;
        }
        if (kernelSpatial.Length != rank) throw new EdgeMLException($"kernel has {kernelSpatial.Length} spatial dimensions, input has {rank}");
        CheckAttributes(rank, kernelSpatial);
        int lead = MaxRank - rank;
        for (int i = 0; i < MaxRank; i++)
        {
            int j = i - lead;
            if (j < 0)
            {
                SetNeutralAxis(i);
                continue;
            }
            long input = inputSpatial[j];
            long kernel = kernelSpatial[j];
            long stride = _strides?[j] ?? 1;
            long dilation = _dilations?[j] ?? 1;
            long extent = (kernel - 1) * dilation + 1;
            long padBegin = 0, padEnd = 0, output;
            switch (AutoPad)
            {
                case AutoPad.SameUpper:
                case AutoPad.SameLower:
                {
                    output = (input + stride - 1) / stride;
                    long total = Math.Max(0, (output - 1) * stride + extent - input);
                    padBegin = AutoPad == AutoPad.SameUpper ? total / 2 : total - total / 2;
                    padEnd = total - padBegin;
                    break;
                }
                case AutoPad.Valid:
                    output = input >= extent ? (input - extent) / stride + 1 : 0;
                    break;
                default:
                {
                    padBegin = _pads?[j] ?? 0;
                    padEnd = _pads?[j + rank] ?? 0;
                    long span = input + padBegin + padEnd - extent;
                    if (span < 0) output = 0;
                    else if (pooling && CeilMode)
                    {
                        output = (span + stride - 1) / stride + 1;
                        // A window may not start in the end padding.
                        if ((output - 1) * stride >= input + padBegin) output--;
                    }
                    else output = span / stride + 1;
                    break;
                }
            }
            if (output < 1) throw new EdgeMLException($"spatial axis {j}: the window ({extent}) is larger than the padded input ({input + padBegin + padEnd})");
            SetAxis(i, input, kernel, stride, dilation, padBegin, padEnd, output);
        }
    }

    /// <summary>
    /// Sets the geometry of a transposed convolution (ConvTranspose): Input is the small side, Output
    /// the large one. The output size is stride · (input − 1) + output_padding + extent − pads, or
    /// output_shape when given (then, as with SAME_*, the pads are derived from the total padding:
    /// SAME_UPPER puts the odd element at the end, the other modes at the beginning).
    /// </summary>
    public void ComputeTransposed(ReadOnlySpan<long> inputSpatial, ReadOnlySpan<long> kernelSpatial, long[]? outputPadding, long[]? outputShape)
    {
        int rank = inputSpatial.Length;
        CheckRank(rank);
        CheckAttributes(rank, kernelSpatial);
        Check(outputPadding, rank, "output_padding");
        // output_shape may also be given with the batch and channel axes.
        int shapeLead = outputShape != null && outputShape.Length == rank + 2 ? 2 : 0;
        if (outputShape != null && outputShape.Length != rank + shapeLead) throw new EdgeMLException($"output_shape has {outputShape.Length} values, expected {rank}");
        int lead = MaxRank - rank;
        for (int i = 0; i < MaxRank; i++)
        {
            int j = i - lead;
            if (j < 0)
            {
                SetNeutralAxis(i);
                continue;
            }
            long input = inputSpatial[j], kernel = kernelSpatial[j];
            long stride = _strides?[j] ?? 1, dilation = _dilations?[j] ?? 1, extra = outputPadding?[j] ?? 0;
            long extent = (kernel - 1) * dilation + 1;
            long full = stride * (input - 1) + extra + extent;
            long padBegin, padEnd, output;
            if (outputShape != null || AutoPad is AutoPad.SameUpper or AutoPad.SameLower)
            {
                output = outputShape != null ? outputShape[shapeLead + j] : input * stride;
                // The total may be negative (output_shape larger than the full result: the extra
                // elements are zeros); halves round down.
                long total = full - output;
                long half = total >= 0 ? total / 2 : -((1 - total) / 2);
                if (AutoPad == AutoPad.SameUpper)
                {
                    padBegin = half;
                    padEnd = total - half;
                }
                else
                {
                    padEnd = half;
                    padBegin = total - half;
                }
            }
            else
            {
                padBegin = AutoPad == AutoPad.Valid ? 0 : _pads?[j] ?? 0;
                padEnd = AutoPad == AutoPad.Valid ? 0 : _pads?[j + rank] ?? 0;
                output = full - padBegin - padEnd;
            }
            if (output < 0) throw new EdgeMLException($"spatial axis {j}: the output size {output} is negative");
            SetAxis(i, input, kernel, stride, dilation, padBegin, padEnd, output);
        }
    }

    /// <summary>For a transposed convolution: the input positions [begin, end) along
    /// <paramref name="axis"/> whose tap <paramref name="tap"/> lands inside the output, at
    /// output position input × stride − pad + tap × dilation.</summary>
    public void TransposedRange(int axis, int tap, out int begin, out int end)
    {
        int offset = tap * Dilation[axis] - PadBegin[axis];
        int s = Stride[axis];
        begin = offset >= 0 ? 0 : (-offset + s - 1) / s;
        int last = Output[axis] - 1 - offset;
        end = last < 0 ? 0 : Math.Min(Input[axis], last / s + 1);
        if (begin > end) begin = end;
    }

    /// <summary>Writes the output shape [N, channels, spatial...] into <paramref name="shape"/> (rank + 2 long).</summary>
    public void OutputShape(long batch, long channels, Span<long> shape)
    {
        shape[0] = batch;
        shape[1] = channels;
        for (int j = 0; j < Rank; j++) shape[2 + j] = Output[MaxRank - Rank + j];
    }

    /// <summary>The range [begin, end) of output positions along axis <paramref name="axis"/> whose
    /// tap <paramref name="tap"/> falls inside the input.</summary>
    public void ValidRange(int axis, int tap, out int begin, out int end)
    {
        int offset = tap * Dilation[axis] - PadBegin[axis];
        int s = Stride[axis];
        // input position = o * s + offset must be in [0, Input).
        begin = offset >= 0 ? 0 : (-offset + s - 1) / s;
        int last = Input[axis] - 1 - offset;
        end = last < 0 ? 0 : Math.Min(Output[axis], last / s + 1);
        if (begin > end) begin = end;
    }

    /// <summary>The taps [begin, end) of the window of output position <paramref name="output"/> along
    /// <paramref name="axis"/> that fall inside the input (pooling): tap t reads input position
    /// output × stride − pad + t × dilation.</summary>
    public void TapRange(int axis, int output, out int begin, out int end)
    {
        int start = output * Stride[axis] - PadBegin[axis];
        int d = Dilation[axis];
        begin = start >= 0 ? 0 : (-start + d - 1) / d;
        int last = Input[axis] - 1 - start;
        end = last < 0 ? 0 : Math.Min(Kernel[axis], last / d + 1);
        if (begin > end) begin = end;
    }

    /// <summary>How many taps of the window of <paramref name="output"/> along <paramref name="axis"/>
    /// fall inside the padded input [−pad_begin, input + pad_end) (count_include_pad).</summary>
    public int PaddedTapCount(int axis, int output)
    {
        int start = output * Stride[axis] - PadBegin[axis];
        int d = Dilation[axis];
        int lo = -PadBegin[axis], hi = Input[axis] + PadEnd[axis];
        int count = 0;
        for (int t = 0; t < Kernel[axis]; t++)
        {
            int p = start + t * d;
            if (p >= lo && p < hi) count++;
        }
        return count;
    }

    private static void CheckRank(int rank)
    {
        if (rank < 1 || rank > MaxRank) throw new EdgeMLException($"{rank} spatial dimensions are not supported (1 to {MaxRank})");
    }

    /// <summary>Checks that kernel_shape matches the kernel and that the attributes have one value
    /// per spatial axis (pads two), then takes the rank for this run.</summary>
    private void CheckAttributes(int rank, ReadOnlySpan<long> kernelSpatial)
    {
        if (_kernelShape != null && !_kernelShape.AsSpan().SequenceEqual(kernelSpatial))
            throw new EdgeMLException($"kernel_shape {Tensor.ShapeText(_kernelShape)} differs from the weights' {Tensor.ShapeText(kernelSpatial)}");
        Check(_strides, rank, "strides");
        Check(_dilations, rank, "dilations");
        if (_pads != null && _pads.Length != 2 * rank) throw new EdgeMLException($"pads has {_pads.Length} values, expected {2 * rank}");
        Rank = rank;
    }

    /// <summary>A leading axis that a 1-D or 2-D operator does not have: size 1, kernel 1, stride 1, no padding.</summary>
    private void SetNeutralAxis(int i)
    {
        Input[i] = Kernel[i] = Stride[i] = Dilation[i] = Output[i] = 1;
        PadBegin[i] = PadEnd[i] = 0;
    }

    private void SetAxis(int i, long input, long kernel, long stride, long dilation, long padBegin, long padEnd, long output)
    {
        Input[i] = checked((int)input);
        Kernel[i] = checked((int)kernel);
        Stride[i] = checked((int)stride);
        Dilation[i] = checked((int)dilation);
        PadBegin[i] = checked((int)padBegin);
        PadEnd[i] = checked((int)padEnd);
        Output[i] = checked((int)output);
    }

    private static void Check(long[]? values, int rank, string name)
    {
        if (values != null && values.Length != rank) throw new EdgeMLException($"{name} has {values.Length} values, expected {rank}");
    }
}
