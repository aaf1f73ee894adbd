using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// Conv: N-d convolution (1 to 3 spatial axes) with groups, strides, dilations, explicit pads and
/// every auto_pad mode. When several output channels share a group's inputs the input is unrolled
/// into columns (one row per input channel and kernel tap, built a tile of output rows at a time
/// into bounded scratch; none for a 1×1 unit-stride kernel) and multiplied by the weights with
/// <see cref="MatrixLoops"/>, so the innermost loop runs over whole rows of output pixels. A
/// depthwise convolution (one output channel per group) reuses nothing and is computed directly.
/// float16 and bfloat16 are computed in float32.
/// </summary>
public sealed class Conv : ConvolutionKernel
{
    private Conv(SpatialGeometry geometry, long group) : base(geometry, group) { }

    public static Kernel Create(KernelInfo info) => new Conv(SpatialGeometry.Read(info, kernelRequired: false), ReadGroup(info));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var w = context.Input(1);
        var b = context.OptionalInput(2);
        var y = context.Output(0);
        CheckOperands(context, x, w, b);
        long n = x.Dim(0), c = x.Dim(1), m = w.Dim(0);
        if (c != w.Dim(1) * Group) throw context.Error($"X has {c} channels but W expects {w.Dim(1)} x group {Group}");
        if (m % Group != 0) throw context.Error($"W has {m} feature maps, not a multiple of group {Group}");
        if (b != null && b.Length != m) throw context.Error($"B has {b.Length} values, expected {m}");
        Geometry.Compute(x.Shape[2..], w.Shape[2..], pooling: false);
        Span<long> shape = stackalloc long[x.Rank];
        Geometry.OutputShape(n, m, shape);
        y.Allocate(x.Type, shape);
        if (y.Length == 0) return;
        RunInType(context, x, w, b, y, n, c, m);
    }

    /// <summary>Scratch budget of the im2col tile, in elements (4 MB of float).</summary>
    private const int ColumnBudget = 1 << 20;
    private readonly ScratchBuffer _columns = new();

    protected override void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> bias, Span<T> y, long batch, long channels, long maps)
    {
        var d = new Dims((int)batch, (int)channels, (int)maps, (int)(channels / Group), (int)(maps / Group));
        // Unrolled input columns pay off when several output channels share them; a depthwise
        // convolution (one output channel per group) is computed directly.
        if (d.MapsPerGroup == 1) RunDirect(x, w, bias, y, d);
        else RunColumns(x, w, bias, y, d);
    }

    private readonly record struct Dims(int Batch, int Channels, int Maps, int ChannelsPerGroup, int MapsPerGroup);

    /// <summary>
    /// Per group, Y[maps × pixels] = W[maps × (channels · taps)] · columns[(channels · taps) ×
    /// pixels], where a column row holds one input channel shifted by one kernel tap (zeros in the
    /// padding). A 1×1 kernel with unit strides and no padding uses the input itself; otherwise
    /// the columns are built for as many output rows at a time as fit the scratch budget.
    /// </summary>
    private void RunColumns<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> bias, Span<T> y, Dims d) where T : unmanaged, INumber<T>
    {
        var g = Geometry;
        int inPlane = g.InputSize, outPlane = g.OutputSize, taps = g.KernelSize, rows = d.ChannelsPerGroup * taps;
        int outW = g.Output[2], lines = g.Output[0] * g.Output[1];
        bool identity = taps == 1 && inPlane == outPlane && g.Stride[0] == 1 && g.Stride[1] == 1 && g.Stride[2] == 1
            && g.PadBegin[0] == 0 && g.PadBegin[1] == 0 && g.PadBegin[2] == 0;
        int linesPerTile = identity ? lines : Math.Clamp(ColumnBudget / Math.Max(rows * outW, 1), 1, lines);
        var columns = identity ? default : _columns.Get<T>((long)rows * linesPerTile * outW);
        for (int n = 0; n < d.Batch; n++)
        {
            for (int group = 0; group < Group; group++)
            {
                var xGroup = x.Slice((n * d.Channels + group * d.ChannelsPerGroup) * inPlane, d.ChannelsPerGroup * inPlane);
                var wGroup = w.Slice(group * d.MapsPerGroup * rows, d.MapsPerGroup * rows);
                var yGroup = y.Slice((n * d.Maps + group * d.MapsPerGroup) * outPlane, d.MapsPerGroup * outPlane);
                for (int line = 0; line < lines; line += linesPerTile)
                {
                    int tileLines = Math.Min(linesPerTile, lines - line), pixels = tileLines * outW;
                    ReadOnlySpan<T> tile = identity ? xGroup : FillColumns(xGroup, columns[..(rows * pixels)], d.ChannelsPerGroup, line, tileLines);
                    // The tile's output pixels are the same rows of every output plane (row stride outPlane).
                    MatrixLoops.Multiply(wGroup, rows, 1, tile, pixels, 1, yGroup[(line * outW)..], outPlane, d.MapsPerGroup, rows, pixels);
                }
                if (bias.IsEmpty) continue;
                for (int m = 0; m < d.MapsPerGroup; m++)
                {
                    T b = bias[group * d.MapsPerGroup + m];
                    var plane = yGroup.Slice(m * outPlane, outPlane);
                    for (int i = 0; i < plane.Length; i++) plane[i] += b;
                }
            }
        }
    }

    /// <summary>Writes the columns of output lines [firstLine, firstLine + lineCount) (a line is one
    /// output row (od, oh)): row (channel, tap) holds, for each output pixel, the input value that
    /// tap reads, or 0 in the padding.</summary>
    private ReadOnlySpan<T> FillColumns<T>(ReadOnlySpan<T> xGroup, Span<T> columns, int channels, int firstLine, int lineCount) where T : unmanaged, INumber<T>
    {
        var g = Geometry;
        int inPlane = g.InputSize, inD = g.Input[0], inH = g.Input[1], inW = g.Input[2], outH = g.Output[1], outW = g.Output[2];
        int pixels = lineCount * outW, row = 0;
        for (int c = 0; c < channels; c++)
        {
            var xPlane = xGroup.Slice(c * inPlane, inPlane);
            for (int kd = 0; kd < g.Kernel[0]; kd++)
            {
                for (int kh = 0; kh < g.Kernel[1]; kh++)
                {
                    for (int kw = 0; kw < g.Kernel[2]; kw++, row++)
                    {
                        var column = columns.Slice(row * pixels, pixels);
                        g.ValidRange(2, kw, out int w0, out int w1);
                        int iwBase = kw * g.Dilation[2] - g.PadBegin[2], sw = g.Stride[2];
                        for (int l = 0; l < lineCount; l++)
                        {
                            int od = (firstLine + l) / outH, oh = (firstLine + l) % outH;
                            int id = od * g.Stride[0] + kd * g.Dilation[0] - g.PadBegin[0];
                            int ih = oh * g.Stride[1] + kh * g.Dilation[1] - g.PadBegin[1];
                            var dst = column.Slice(l * outW, outW);
                            if (id < 0 || id >= inD || ih < 0 || ih >= inH || w0 >= w1)
                            {
                                dst.Clear();
                                continue;
                            }
                            var xRow = xPlane.Slice((id * inH + ih) * inW, inW);
                            dst[..w0].Clear();
                            dst[w1..].Clear();
                            for (int ow = w0; ow < w1; ow++) dst[ow] = xRow[ow * sw + iwBase];
                        }
                    }
                }
            }
        }
        return columns;
    }

    /// <summary>
    /// Direct convolution, for one output channel per group: the output plane starts at the bias
    /// and each (input channel, kernel tap) adds weight × the shifted input rows, the innermost
    /// loop running along contiguous output and input rows.
    /// </summary>
    private void RunDirect<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> bias, Span<T> y, Dims d) where T : unmanaged, INumber<T>
    {
        var g = Geometry;
        int inPlane = g.InputSize, outPlane = g.OutputSize, kernelSize = g.KernelSize;
        int inH = g.Input[1], inW = g.Input[2], outH = g.Output[1], outW = g.Output[2];
        int sd = g.Stride[0], sh = g.Stride[1], sw = g.Stride[2];
        for (int n = 0; n < d.Batch; n++)
        {
            for (int m = 0; m < d.Maps; m++)
            {
                int group = m / d.MapsPerGroup;
                var yPlane = y.Slice((n * d.Maps + m) * outPlane, outPlane);
                yPlane.Fill(bias.IsEmpty ? T.Zero : bias[m]);
                for (int c = 0; c < d.ChannelsPerGroup; c++)
                {
                    var xPlane = x.Slice((n * d.Channels + group * d.ChannelsPerGroup + c) * inPlane, inPlane);
                    var kernel = w.Slice((m * d.ChannelsPerGroup + c) * kernelSize, kernelSize);
                    int tap = 0;
                    for (int kd = 0; kd < g.Kernel[0]; kd++)
                    {
                        g.ValidRange(0, kd, out int d0, out int d1);
                        int idBase = kd * g.Dilation[0] - g.PadBegin[0];
                        for (int kh = 0; kh < g.Kernel[1]; kh++)
                        {
                            g.ValidRange(1, kh, out int h0, out int h1);
                            int ihBase = kh * g.Dilation[1] - g.PadBegin[1];
                            for (int kw = 0; kw < g.Kernel[2]; kw++, tap++)
                            {
                                g.ValidRange(2, kw, out int w0, out int w1);
                                if (w0 >= w1) continue;
                                T weight = kernel[tap];
                                int iwBase = kw * g.Dilation[2] - g.PadBegin[2];
                                for (int od = d0; od < d1; od++)
                                {
                                    int id = od * sd + idBase;
                                    for (int oh = h0; oh < h1; oh++)
                                    {
                                        int ih = oh * sh + ihBase;
                                        var yRow = yPlane.Slice((od * outH + oh) * outW + w0, w1 - w0);
                                        var xRow = xPlane.Slice((id * inH + ih) * inW, inW);
                                        if (sw == 1)
                                        {
                                            var xs = xRow.Slice(w0 + iwBase, yRow.Length);
                                            for (int i = 0; i < yRow.Length; i++) yRow[i] += weight * xs[i];
                                        }
                                        else
                                        {
                                            int ix = w0 * sw + iwBase;
                                            for (int i = 0; i < yRow.Length; i++, ix += sw) yRow[i] += weight * xRow[ix];
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
}
