using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// The integer convolution of ConvInteger and QLinearConv: x (N x C x D1..Dn) minus its scalar
/// zero point, w (M x C/group x k1..kn) minus its per-tensor or per-output-channel zero point,
/// products summed in int32 (wrapping on overflow, as ONNX allows). Padding contributes zero
/// (padded positions hold the zero point). The attributes (auto_pad, dilations, group,
/// kernel_shape, pads, strides) are read once when the kernel is created.
/// </summary>
public sealed class IntegerConvolution
{
    private readonly string _autoPad;
    private readonly long[]? _dilations;
    private readonly long _group;
    private readonly long[]? _kernelShape;
    private readonly long[]? _pads;
    private readonly long[]? _strides;
    private int[] _x = [];
    private int[] _w = [];

    private IntegerConvolution(string autoPad, long[]? dilations, long group, long[]? kernelShape, long[]? pads, long[]? strides)
    {
        _autoPad = autoPad;
        _dilations = dilations;
        _group = group;
        _kernelShape = kernelShape;
        _pads = pads;
        _strides = strides;
    }

    public static IntegerConvolution FromAttributes(KernelInfo info)
    {
        var a = info.Attributes;
        string autoPad = a.GetString("auto_pad", "NOTSET");
        if (autoPad is not ("NOTSET" or "SAME_UPPER" or "SAME_LOWER" or "VALID")) throw info.Error($"auto_pad '{autoPad}' is not NOTSET, SAME_UPPER, SAME_LOWER or VALID");
        long group = a.GetInt("group", 1);
        if (group < 1) throw info.Error($"group must be at least 1, not {group}");
        var pads = a.GetIntsOrNull("pads");
        if (pads != null && autoPad != "NOTSET") throw info.Error("pads and auto_pad cannot both be given");
        return new IntegerConvolution(autoPad, a.GetIntsOrNull("dilations"), group, a.GetIntsOrNull("kernel_shape"), pads, a.GetIntsOrNull("strides"));
    }

    /// <summary>Checks the shapes and writes the output shape; <paramref name="padsBegin"/> gets
    /// the leading padding of each spatial axis. Returns the output rank.</summary>
    public int OutputShape(ReadOnlySpan<long> x, ReadOnlySpan<long> w, Span<long> shape, Span<long> padsBegin)
    {
        int spatial = x.Length - 2;
        if (spatial < 1) throw new EdgeMLException($"input must have rank 3 or more (N x C x D1...), not {Tensor.ShapeText(x)}");
        if (w.Length != x.Length) throw new EdgeMLException($"weight rank {w.Length} differs from input rank {x.Length}");
        long channels = x[1], maps = w[0];
        if (channels != w[1] * _group) throw new EdgeMLException($"input has {channels} channels; weight {Tensor.ShapeText(w)} with group {_group} expects {w[1] * _group}");
        if (maps % _group != 0) throw new EdgeMLException($"{maps} output channels are not divisible by group {_group}");
        if (_kernelShape != null && (_kernelShape.Length != spatial || !_kernelShape.AsSpan().SequenceEqual(w[2..])))
            throw new EdgeMLException("kernel_shape does not match the weight's spatial shape");
        if (_pads != null && _pads.Length != 2 * spatial) throw new EdgeMLException($"pads must have {2 * spatial} values");
        if (_strides != null && _strides.Length != spatial) throw new EdgeMLException($"strides must have {spatial} values");
        if (_dilations != null && _dilations.Length != spatial) throw new EdgeMLException($"dilations must have {spatial} values");
        shape[0] = x[0];
        shape[1] = maps;
        for (int d = 0; d < spatial; d++)
        {
            long input = x[d + 2], kernel = w[d + 2];
            long stride = Stride(d), dilation = Dilation(d);
            if (stride < 1 || dilation < 1) throw new EdgeMLException("strides and dilations must be positive");
            long extent = (kernel - 1) * dilation + 1;
            long output, begin;
            switch (_autoPad)
            {
                case "SAME_UPPER" or "SAME_LOWER":
                    output = (input + stride - 1) / stride;
                    long total = Math.Max(0, (output - 1) * stride + extent - input);
                    begin = _autoPad == "SAME_UPPER" ? total / 2 : total - total / 2;
                    break;
                case "VALID":
                    begin = 0;
                    output = input >= extent ? (input - extent) / stride + 1 : 0;
                    break;
                default:
                    begin = _pads?[d] ?? 0;
                    long end = _pads?[d + spatial] ?? 0;
                    long padded = input + begin + end;
                    output = padded >= extent ? (padded - extent) / stride + 1 : 0;
                    break;
            }
            shape[d + 2] = output;
            padsBegin[d] = begin;
        }
        return x.Length;
    }

    private long Stride(int d) => _strides?[d] ?? 1;
    private long Dilation(int d) => _dilations?[d] ?? 1;

    /// <summary>
    /// Convolves into <paramref name="result"/> (laid out as the output shape from
    /// <see cref="OutputShape"/>). <paramref name="bias"/> (int32, one per output channel) may be null.
    /// </summary>
    public void Run(Tensor x, Tensor? xZeroPoint, Tensor w, Tensor? wZeroPoint, Tensor? bias, Span<int> result)
    {
        int rank = x.Rank, spatial = rank - 2;
        Span<long> outShape = stackalloc long[rank];
        Span<long> padsBegin = stackalloc long[spatial];
        OutputShape(x.Shape, w.Shape, outShape, padsBegin);
        if (xZeroPoint != null && xZeroPoint.Length != 1) throw new EdgeMLException("x_zero_point must be a scalar");
        long maps = w.Shape[0];
        if (wZeroPoint != null && wZeroPoint.Length != 1 && wZeroPoint.Length != maps)
            throw new EdgeMLException($"w_zero_point must be a scalar or have {maps} values, not {wZeroPoint.Length}");
        if (bias != null && (bias.Type != DataType.Int32 || bias.Length != maps)) throw new EdgeMLException($"bias must be int32 with {maps} values");

        // Operands minus their zero points, as int32.
        int xz = xZeroPoint == null ? 0 : IntegerMatMul.ReadInt(xZeroPoint, 0);
        int xCount = (int)x.Length, wCount = (int)w.Length;
        if (_x.Length < xCount) _x = new int[xCount];
        if (_w.Length < wCount) _w = new int[wCount];
        for (int i = 0; i < xCount; i++) _x[i] = IntegerMatMul.ReadInt(x, i) - xz;
        int perMap = maps == 0 ? 0 : wCount / (int)maps;
        for (int i = 0; i < wCount; i++)
        {
            int wz = wZeroPoint == null ? 0 : IntegerMatMul.ReadInt(wZeroPoint, wZeroPoint.Length == 1 ? 0 : i / perMap);
            _w[i] = IntegerMatMul.ReadInt(w, i) - wz;
        }

        int batch = (int)x.Shape[0], channels = (int)x.Shape[1];
        int groupMaps = (int)(maps / _group), groupChannels = channels / (int)_group;
        int inSize = (int)KernelHelpers.Product(x.Shape, 2, rank);
        int outSize = (int)KernelHelpers.Product(outShape, 2, rank);
        int kernelSize = (int)KernelHelpers.Product(w.Shape, 2, rank);
        Span<long> outIndex = stackalloc long[spatial];
        Span<long> kernelIndex = stackalloc long[spatial];
        Span<long> inStrides = stackalloc long[spatial];
        Broadcast.DenseStrides(x.Shape[2..], inStrides);

        for (int b = 0; b < batch; b++)
        {
            for (int mapIndex = 0; mapIndex < maps; mapIndex++)
            {
                int g = mapIndex / groupMaps;
                int biasValue = bias == null ? 0 : bias.ReadOnlySpan<int>()[mapIndex];
                int yBase = (b * (int)maps + mapIndex) * outSize;
                outIndex.Clear();
                for (int p = 0; p < outSize; p++)
                {
                    int acc = biasValue;
                    for (int ic = 0; ic < groupChannels; ic++)
                    {
                        int c = g * groupChannels + ic;
                        int xBase = (b * channels + c) * inSize;
                        int wBase = (mapIndex * groupChannels + ic) * kernelSize;
                        kernelIndex.Clear();
                        for (int kp = 0; kp < kernelSize; kp++)
                        {
                            long offset = 0;
                            bool inside = true;
                            for (int d = 0; d < spatial; d++)
                            {
                                long pos = outIndex[d] * Stride(d) - padsBegin[d] + kernelIndex[d] * Dilation(d);
                                if (pos < 0 || pos >= x.Shape[d + 2])
                                {
                                    inside = false;
                                    break;
                                }
                                offset += pos * inStrides[d];
                            }
                            if (inside) acc += _x[xBase + (int)offset] * _w[wBase + kp];
                            Advance(kernelIndex, w.Shape[2..]);
                        }
                    }
                    result[yBase + p] = acc;
                    Advance(outIndex, outShape[2..]);
                }
            }
        }
    }

    /// <summary>Steps a row-major multi-index by one.</summary>
    private static void Advance(Span<long> index, ReadOnlySpan<long> shape)
    {
        for (int d = index.Length - 1; d >= 0; d--)
        {
            if (++index[d] < shape[d]) return;
            index[d] = 0;
        }
    }
}
