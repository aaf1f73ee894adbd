using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// ConvTranspose: the transposed (fractionally strided) convolution, 1 to 3 spatial axes, with
/// groups, strides, dilations, pads, output_padding, output_shape and auto_pad (SAME_* gives
/// input · stride elements as the specification says, even when that needs negative padding). W is
/// [C, M / group, kernel...]; every input element scatters weight × value into the output
/// window it maps to, the innermost loop running along contiguous input and output rows.
/// float16 and bfloat16 are computed in float32.
/// </summary>
public sealed class ConvTranspose : ConvolutionKernel
{
    private readonly long[]? _outputPadding, _outputShape;

    private ConvTranspose(SpatialGeometry geometry, long group, long[]? outputPadding, long[]? outputShape) : base(geometry, group)
    {
        _outputPadding = outputPadding;
        _outputShape = outputShape;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        return new ConvTranspose(SpatialGeometry.Read(info, kernelRequired: false), ReadGroup(info), a.GetIntsOrNull("output_padding"), a.GetIntsOrNull("output_shape"));
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var w = context.Input(1);
        var b = context.OptionalInput(2);
        var y = context.Output(0);
        CheckOperands(context, x, w, b);
        long n = x.Dim(0), c = x.Dim(1), m = w.Dim(1) * Group;
        if (w.Dim(0) != c) throw context.Error($"X has {c} channels but W has {w.Dim(0)}");
        if (c % Group != 0) throw context.Error($"{c} channels are not a multiple of group {Group}");
        if (b != null && b.Length != m) throw context.Error($"B has {b.Length} values, expected {m}");
        Geometry.ComputeTransposed(x.Shape[2..], w.Shape[2..], _outputPadding, _outputShape);
        Span<long> shape = stackalloc long[x.Rank];
        Geometry.OutputShape(n, m, shape);
        y.Allocate(x.Type, shape);
        if (y.Length == 0) return;
        RunInType(context, x, w, b, y, n, c, m);
    }

    protected override void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> bias, Span<T> y, long batch, long channels, long maps)
    {
        var g = Geometry;
        int inPlane = g.InputSize, outPlane = g.OutputSize, kernelSize = g.KernelSize;
        int cPerGroup = (int)(channels / Group), mPerGroup = (int)(maps / Group);
        int inH = g.Input[1], inW = g.Input[2], outH = g.Output[1], outW = g.Output[2];
        for (int nIdx = 0; nIdx < batch; nIdx++)
        {
            for (int mIdx = 0; mIdx < maps; mIdx++)
            {
                int group = mIdx / mPerGroup, mLocal = mIdx % mPerGroup;
                var yPlane = y.Slice((int)((nIdx * maps + mIdx) * outPlane), outPlane);
                yPlane.Fill(bias.IsEmpty ? T.Zero : bias[mIdx]);
                for (int cIdx = 0; cIdx < cPerGroup; cIdx++)
                {
                    int inChannel = group * cPerGroup + cIdx;
                    var xPlane = x.Slice((int)((nIdx * channels + inChannel) * inPlane), inPlane);
                    var kernel = w.Slice((inChannel * mPerGroup + mLocal) * kernelSize, kernelSize);
                    int tap = 0;
                    for (int kd = 0; kd < g.Kernel[0]; kd++)
                    {
                        g.TransposedRange(0, kd, out int d0, out int d1);
                        for (int kh = 0; kh < g.Kernel[1]; kh++)
                        {
                            g.TransposedRange(1, kh, out int h0, out int h1);
                            for (int kw = 0; kw < g.Kernel[2]; kw++, tap++)
                            {
                                g.TransposedRange(2, kw, out int w0, out int w1);
                                if (w0 >= w1) continue;
                                T weight = kernel[tap];
                                int owBase = kw * g.Dilation[2] - g.PadBegin[2];
                                int sw = g.Stride[2];
                                for (int id = d0; id < d1; id++)
                                {
                                    int od = id * g.Stride[0] + kd * g.Dilation[0] - g.PadBegin[0];
                                    for (int ih = h0; ih < h1; ih++)
                                    {
                                        int oh = ih * g.Stride[1] + kh * g.Dilation[1] - g.PadBegin[1];
                                        var xRow = xPlane.Slice((id * inH + ih) * inW, inW);
                                        var yRow = yPlane.Slice((od * outH + oh) * outW, outW);
                                        for (int iw = w0; iw < w1; iw++) yRow[iw * sw + owBase] += weight * xRow[iw];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
