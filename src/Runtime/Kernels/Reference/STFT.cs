using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// STFT (opset 17): the short-time Fourier transform of a real ([batch, length, 1]) or complex
/// ([batch, length, 2]) signal. Frame f starts at f * frame_step; it is multiplied by the window
/// (all ones when absent) and transformed with a DFT of frame_length points (default: the window's
/// length, else the signal's). There are 1 + (length - frame_length) / frame_step frames. The
/// output is [batch, frames, bins, 2] with bins = frame_length / 2 + 1 when onesided (the default),
/// frame_length otherwise. Computed in double, written in the signal's type.
/// </summary>
public sealed class STFT : Kernel
{
    private readonly bool _onesided;
    private readonly FourierTransform _fft = new();
    private double[] _re = [];
    private double[] _im = [];

    private STFT(bool onesided) => _onesided = onesided;

    public static Kernel Create(KernelInfo info) => new STFT(info.Attributes.GetInt("onesided", 1) != 0);

    public override void Execute(KernelContext context)
    {
        var signal = context.Input(0);
        if (signal.Type is not (DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16))
            throw context.Error($"element type {DataTypeInfo.Name(signal.Type)} is not supported");
        if (signal.Rank != 3 || signal.Shape[2] is not (1 or 2))
            throw context.Error($"signal must be shaped [batch, length, 1 or 2], not {Tensor.ShapeText(signal.Shape)}");
        var window = context.OptionalInput(2);
        if (window != null && (window.Rank != 1 || window.Type != signal.Type))
            throw context.Error("window must be 1-D and of the signal's type");
        long step, frameLength;
        try
        {
            step = KernelHelpers.ReadInt64Scalar(context.Input(1));
            frameLength = context.OptionalInput(3) is { } fl ? KernelHelpers.ReadInt64Scalar(fl) : window?.Length ?? signal.Shape[1];
        }
        catch (EdgeMLException e)
        {
            throw context.Error(e.Message);
        }
        if (step < 1) throw context.Error($"frame_step must be positive, not {step}");
        int batch = (int)signal.Shape[0], length = (int)signal.Shape[1], parts = (int)signal.Shape[2];
        if (frameLength < 1 || frameLength > length) throw context.Error($"frame_length {frameLength} must be in [1, {length}] (the signal length)");
        int n = (int)frameLength;
        int windowLength = window == null ? n : (int)window.Length;
        int frames = (int)(1 + (length - frameLength) / step);
        int bins = _onesided ? n / 2 + 1 : n;

        var y = context.Output(0);
        Span<long> shape = stackalloc long[] { batch, frames, bins, 2 };
        y.Allocate(signal.Type, shape);
        if (_re.Length < n)
        {
            _re = new double[n];
            _im = new double[n];
        }
        var re = _re.AsSpan(0, n);
        var im = _im.AsSpan(0, n);
        for (int b = 0; b < batch; b++)
        {
            for (int f = 0; f < frames; f++)
            {
                int begin = (int)(f * step);
                for (int k = 0; k < n; k++)
                {
                    int pos = begin + k;
                    if (k >= windowLength || pos >= length)
                    {
                        re[k] = im[k] = 0;
                        continue;
                    }
                    double w = window == null ? 1.0 : KernelHelpers.GetDouble(window, k);
                    int at = (b * length + pos) * parts;
                    re[k] = KernelHelpers.GetDouble(signal, at) * w;
                    im[k] = parts == 2 ? KernelHelpers.GetDouble(signal, at + 1) * w : 0;
                }
                _fft.Transform(re, im, false);
                int outBase = ((b * frames + f) * bins) * 2;
                for (int k = 0; k < bins; k++)
                {
                    SignalMath.WriteNumber(y, outBase + 2 * k, re[k]);
                    SignalMath.WriteNumber(y, outBase + 2 * k + 1, im[k]);
                }
            }
        }
    }
}
