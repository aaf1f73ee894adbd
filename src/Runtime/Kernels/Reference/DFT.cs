using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// DFT (opsets 17 and 20): the discrete Fourier transform along one axis of a real ([..., 1]) or
/// complex ([..., 2]) signal, zero-padded or truncated to <c>dft_length</c>. <c>inverse</c> gives
/// the inverse transform (scaled by 1/n); <c>onesided</c> gives the RFFT (first n/2 + 1 bins) or,
/// with <c>inverse</c>, the IRFFT (a Hermitian one-sided spectrum to a real signal of length n,
/// default 2 * (bins - 1)). Opset 17 takes the axis as an attribute (default 1), opset 20 as an
/// optional input (default -2). Computed in double, written in the input's type.
/// </summary>
public sealed class DFT : Kernel
{
    private readonly int _version;
    private readonly long _axisAttribute;
    private readonly bool _inverse;
    private readonly bool _onesided;
    private readonly FourierTransform _fft = new();
    private double[] _re = [];
    private double[] _im = [];

    private DFT(int version, long axis, bool inverse, bool onesided)
    {
        _version = version;
        _axisAttribute = axis;
        _inverse = inverse;
        _onesided = onesided;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        return new DFT(info.Version, a.GetInt("axis", 1), a.GetInt("inverse", 0) != 0, a.GetInt("onesided", 0) != 0);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Type is not (DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16))
            throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        int rank = x.Rank;
        if (rank < 2 || x.Shape[rank - 1] is not (1 or 2)) throw context.Error($"input must end in a dimension of 1 (real) or 2 (complex), not {Tensor.ShapeText(x.Shape)}");
        bool complexInput = x.Shape[rank - 1] == 2;

        long axis = _axisAttribute;
        if (_version >= 20) axis = context.OptionalInput(2) is { } axisInput ? Scalar(context, axisInput) : -2;
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a > rank - 2) throw context.Error($"axis {axis} is out of range for rank {rank} (the last dimension holds the complex parts)");
        int ax = (int)a;
        int inLength = (int)x.Shape[ax];
        bool irfft = _inverse && _onesided;
        long n = context.OptionalInput(1) is { } lengthInput ? Scalar(context, lengthInput) : irfft ? 2L * (inLength - 1) : inLength;
        if (n < 1) throw context.Error($"dft_length must be positive, not {n}");
        if (irfft && !complexInput) throw context.Error("the inverse one-sided transform (IRFFT) needs complex input");
        int length = (int)n;
        int outLength = irfft ? length : _onesided ? length / 2 + 1 : length;

        var y = context.Output(0);
        Span<long> shape = stackalloc long[rank];
        x.Shape.CopyTo(shape);
        shape[ax] = outLength;
        shape[rank - 1] = irfft ? 1 : 2;
        y.Allocate(x.Type, shape);

        int outer = (int)KernelHelpers.Product(x.Shape, 0, ax);
        int inner = (int)KernelHelpers.Product(x.Shape, ax + 1, rank - 1);
        int parts = complexInput ? 2 : 1, outParts = irfft ? 1 : 2;
        if (_re.Length < length)
        {
            _re = new double[length];
            _im = new double[length];
        }
        var re = _re.AsSpan(0, length);
        var im = _im.AsSpan(0, length);
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int inBase = o * inLength * inner + i, outBase = o * outLength * inner + i;
                if (irfft)
                {
                    // Rebuild the full spectrum from its first n/2 + 1 bins (Hermitian symmetry);
                    // the imaginary parts of bin 0 (and n/2 when n is even) do not contribute.
                    for (int k = 0; k <= length / 2; k++)
                    {
                        re[k] = k < inLength ? KernelHelpers.GetDouble(x, (inBase + k * inner) * 2) : 0;
                        im[k] = k < inLength ? KernelHelpers.GetDouble(x, (inBase + k * inner) * 2 + 1) : 0;
                    }
                    im[0] = 0;
                    if (length % 2 == 0) im[length / 2] = 0;
                    for (int k = length / 2 + 1; k < length; k++)
                    {
                        re[k] = re[length - k];
                        im[k] = -im[length - k];
                    }
                }
                else
                {
                    for (int k = 0; k < length; k++)
                    {
                        bool inside = k < inLength;
                        re[k] = inside ? KernelHelpers.GetDouble(x, (inBase + k * inner) * parts) : 0;
                        im[k] = inside && complexInput ? KernelHelpers.GetDouble(x, (inBase + k * inner) * parts + 1) : 0;
                    }
                }
                _fft.Transform(re, im, _inverse);
                double scale = _inverse ? 1.0 / length : 1.0;
                for (int k = 0; k < outLength; k++)
                {
                    int at = (outBase + k * inner) * outParts;
                    SignalMath.WriteNumber(y, at, re[k] * scale);
                    if (!irfft) SignalMath.WriteNumber(y, at + 1, im[k] * scale);
                }
            }
        }
    }

    private static long Scalar(KernelContext context, Tensor t)
    {
        try
        {
            return KernelHelpers.ReadInt64Scalar(t);
        }
        catch (EdgeMLException e)
        {
            throw context.Error(e.Message);
        }
    }
}
