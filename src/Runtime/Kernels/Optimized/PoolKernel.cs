using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Kernels.Simd;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Optimized;

/// <summary>
/// Fast float32 MaxPool (without the Indices output) and AveragePool over one or two spatial axes,
/// vectorised along output rows like <see cref="DepthwiseConvolution"/>: each plane is copied into
/// a padded, stride-phase-split buffer (padding −∞ for max, 0 for average) so every window tap is a
/// contiguous vector load. Averages divide by the same tap counts as the reference. Other cases
/// run the reference kernel.
/// </summary>
internal sealed unsafe class PoolKernel : Kernel
{
    [ThreadStatic] private static NativeBuffer? t_plane;

    private readonly CpuVariant _variant;
    private readonly Kernel _reference;
    private readonly SpatialGeometry _geometry;
    private readonly bool _max;
    private readonly bool _countIncludePad;

    private PoolKernel(CpuVariant variant, Kernel reference, SpatialGeometry geometry, bool max, bool countIncludePad)
    {
        _variant = variant;
        _reference = reference;
        _geometry = geometry;
        _max = max;
        _countIncludePad = countIncludePad;
    }

    private static bool IsFloat(KernelInfo info) => info.InputType(0) is DataType.Float or DataType.Undefined;

    public static Kernel? CreateMaxPool(KernelInfo info, CpuVariant variant)
    {
        if (!IsFloat(info) || info.HasOutput(1)) return null;
        var reference = Reference.MaxPool.Create(info);
        return new PoolKernel(variant, reference, SpatialGeometry.Read(info, kernelRequired: true), max: true, false);
    }

    public static Kernel? CreateAveragePool(KernelInfo info, CpuVariant variant)
    {
        if (!IsFloat(info)) return null;
        var reference = Reference.AveragePool.Create(info);
        return new PoolKernel(variant, reference, SpatialGeometry.Read(info, kernelRequired: true), max: false, info.Attributes.GetInt("count_include_pad", 0) != 0);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Type != DataType.Float || x.Rank < 3 || x.Rank > 4 || context.OptionalOutput(1) != null)
        {
            _reference.Execute(context);
            return;
        }
        var g = _geometry;
        g.Compute(x.Shape[2..], default, pooling: true);
        if (g.Kernel[2] > 64 || g.Kernel[1] * g.Kernel[2] > 1024)
        {
            _reference.Execute(context);
            return;
        }
        var y = context.Output(0);
        Span<long> shape = stackalloc long[x.Rank];
        g.OutputShape(x.Dim(0), x.Dim(1), shape);
        y.Allocate(DataType.Float, shape);
        if (y.Length == 0) return;
        int planes = (int)(x.Dim(0) * x.Dim(1));
        if (_max && PairMaxPool.Applies(g))
        {
            switch (_variant)
            {
                case CpuVariant.Avx512: PairMaxPool.Run<Simd512, Vector512<float>>(g, (float*)x.Pointer, (float*)y.Pointer, planes); break;
                case CpuVariant.Avx2: PairMaxPool.Run<Simd256, Vector256<float>>(g, (float*)x.Pointer, (float*)y.Pointer, planes); break;
                case CpuVariant.Vector128: PairMaxPool.Run<Simd128, Vector128<float>>(g, (float*)x.Pointer, (float*)y.Pointer, planes); break;
                default: PairMaxPool.Run<SimdScalar, float>(g, (float*)x.Pointer, (float*)y.Pointer, planes); break;
            }
            return;
        }
        switch (_variant)
        {
            case CpuVariant.Avx512: Run<Simd512, Vector512<float>>((float*)x.Pointer, (float*)y.Pointer, planes); break;
            case CpuVariant.Avx2: Run<Simd256, Vector256<float>>((float*)x.Pointer, (float*)y.Pointer, planes); break;
            case CpuVariant.Vector128: Run<Simd128, Vector128<float>>((float*)x.Pointer, (float*)y.Pointer, planes); break;
            default: Run<SimdScalar, float>((float*)x.Pointer, (float*)y.Pointer, planes); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run<TS, TV>(float* x, float* y, int planes) where TS : ISimd<TV> where TV : struct
    {
        var g = _geometry;
        int inH = g.Input[1], inW = g.Input[2], kh = g.Kernel[1], kw = g.Kernel[2];
        int sh = g.Stride[1], sw = g.Stride[2], dh = g.Dilation[1], dw = g.Dilation[2];
        int padTop = g.PadBegin[1], padLeft = g.PadBegin[2];
        int outH = g.Output[1], outW = g.Output[2];
        int v = TS.Count;
        int outWRounded = (outW + v - 1) / v * v;
        int paddedWidth = (outWRounded - 1) * sw + (kw - 1) * dw + 1;
        int phaseLength = (paddedWidth + sw - 1) / sw;
        int rowLength = phaseLength * sw;
        // Rows of the padded plane: every row a window of any output row touches.
        int rowsTop = padTop, rows = Math.Max(inH + padTop, (outH - 1) * sh + (kh - 1) * dh + 1);
        long planeFloats = (long)rows * rowLength + outWRounded;
        float* plane = (float*)(t_plane ??= new NativeBuffer()).Ensure((planeFloats + outWRounded) * sizeof(float));
        float* divisors = plane + planeFloats;
        int* tapOffset = stackalloc int[kw];
        for (int t = 0; t < kw; t++)
        {
            int off = t * dw;
            tapOffset[t] = off % sw * phaseLength + off / sw;
        }
        float pad = _max ? float.NegativeInfinity : 0f;
        for (int p = 0; p < planes; p++)
        {
            float* xp = x + (long)p * inH * inW;
            for (int r = 0; r < rows; r++)
            {
                int ih = r - rowsTop;
                float* dst = plane + (long)r * rowLength;
                if ((uint)ih >= (uint)inH)
                {
                    new Span<float>(dst, rowLength).Fill(pad);
                    continue;
                }
                PhaseSplit.Row<TS, TV>(xp + ih * inW, inW, dst, sw, phaseLength, padLeft, pad);
            }
            for (int oh = 0; oh < outH; oh++)
            {
                float* yRow = y + ((long)p * outH + oh) * outW;
                float* top = plane + (long)(oh * sh) * rowLength;
                int ow = 0;
                for (; ow < outW; ow += v)
                {
                    TV acc = _max ? TS.Load(top + tapOffset[0] + ow) : TS.Zero;
                    for (int r = 0; r < kh; r++)
                    {
                        float* row = top + (long)r * dh * rowLength + ow;
                        for (int t = _max && r == 0 ? 1 : 0; t < kw; t++)
                        {
                            var value = TS.Load(row + tapOffset[t]);
                            acc = _max ? TS.SelectGreater(value, acc, value, acc) : TS.Add(acc, value);
                        }
                    }
                    if (ow + v <= outW) TS.Store(yRow + ow, acc);
                    else TS.StorePartial(yRow + ow, acc, outW - ow);
                }
                if (!_max)
                {
                    g.TapRange(1, oh, out int h0, out int h1);
                    int countH = _countIncludePad ? g.PaddedTapCount(1, oh) : h1 - h0;
                    for (int i = 0; i < outW; i++)
                    {
                        int countW;
                        if (_countIncludePad) countW = g.PaddedTapCount(2, i);
                        else
                        {
                            g.TapRange(2, i, out int w0, out int w1);
                            countW = w1 - w0;
                        }
                        int count = countH * countW;
                        yRow[i] = count == 0 ? 0f : yRow[i] / count;
                    }
                }
            }
        }
    }
}
