using System.Numerics;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>The running operation of a cumulative operator (CumSum adds, CumProd multiplies).</summary>
public interface ICumulativeOperator
{
    /// <summary>The value before the first element (what an exclusive scan starts with).</summary>
    static abstract T Identity<T>() where T : INumber<T>;

    static abstract T Combine<T>(T accumulated, T x) where T : INumber<T>;
}

/// <summary>
/// CumSum / CumProd: a running total along the axis given by input 1 (a scalar), forwards or, with
/// <c>reverse</c>, backwards; with <c>exclusive</c> each output leaves out its own element. Every
/// numeric type; float16 and bfloat16 accumulate in float32.
/// </summary>
public sealed class CumulativeKernel<TOp> : Kernel where TOp : ICumulativeOperator
{
    private readonly bool _exclusive;
    private readonly bool _reverse;

    private CumulativeKernel(bool exclusive, bool reverse)
    {
        _exclusive = exclusive;
        _reverse = reverse;
    }

    public static Kernel Create(KernelInfo info)
        => new CumulativeKernel<TOp>(info.Attributes.GetInt("exclusive", 0) != 0, info.Attributes.GetInt("reverse", 0) != 0);

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        long axisValue = KernelHelpers.ReadInt64Scalar(context.Input(1));
        long a = axisValue < 0 ? axisValue + x.Rank : axisValue;
        if (a < 0 || a >= x.Rank) throw context.Error($"axis {axisValue} is out of range for rank {x.Rank}");
        int axis = (int)a;
        y.Allocate(x.Type, x.Shape);
        long outer = KernelHelpers.Product(x.Shape, 0, axis);
        long length = x.Shape[axis];
        long inner = KernelHelpers.Product(x.Shape, axis + 1, x.Rank);
        var g = new Geometry((int)outer, (int)length, (int)inner, _exclusive, _reverse);
        switch (x.Type)
        {
            case DataType.Float: Scan<float, float, Same<float>>(x.ReadOnlySpan<float>(), y.Span<float>(), g); break;
            case DataType.Double: Scan<double, double, Same<double>>(x.ReadOnlySpan<double>(), y.Span<double>(), g); break;
            case DataType.Int8: Scan<sbyte, sbyte, Same<sbyte>>(x.ReadOnlySpan<sbyte>(), y.Span<sbyte>(), g); break;
            case DataType.Int16: Scan<short, short, Same<short>>(x.ReadOnlySpan<short>(), y.Span<short>(), g); break;
            case DataType.Int32: Scan<int, int, Same<int>>(x.ReadOnlySpan<int>(), y.Span<int>(), g); break;
            case DataType.Int64: Scan<long, long, Same<long>>(x.ReadOnlySpan<long>(), y.Span<long>(), g); break;
            case DataType.UInt8: Scan<byte, byte, Same<byte>>(x.ReadOnlySpan<byte>(), y.Span<byte>(), g); break;
            case DataType.UInt16: Scan<ushort, ushort, Same<ushort>>(x.ReadOnlySpan<ushort>(), y.Span<ushort>(), g); break;
            case DataType.UInt32: Scan<uint, uint, Same<uint>>(x.ReadOnlySpan<uint>(), y.Span<uint>(), g); break;
            case DataType.UInt64: Scan<ulong, ulong, Same<ulong>>(x.ReadOnlySpan<ulong>(), y.Span<ulong>(), g); break;
            case DataType.Float16: Scan<Half, float, HalfStorage>(x.ReadOnlySpan<Half>(), y.Span<Half>(), g); break;
            case DataType.BFloat16: Scan<ushort, float, BFloat16Storage>(x.ReadOnlySpan<ushort>(), y.Span<ushort>(), g); break;
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private readonly record struct Geometry(int Outer, int Length, int Inner, bool Exclusive, bool Reverse);

    /// <summary>How a stored element type is accumulated: in <typeparamref name="TAcc"/>.</summary>
    private interface IStorage<TStore, TAcc>
    {
        static abstract TAcc Load(TStore v);
        static abstract TStore Store(TAcc v);
    }

    private readonly struct Same<T> : IStorage<T, T>
    {
        public static T Load(T v) => v;
        public static T Store(T v) => v;
    }

    private readonly struct HalfStorage : IStorage<Half, float>
    {
        public static float Load(Half v) => (float)v;
        public static Half Store(float v) => (Half)v;
    }

    private readonly struct BFloat16Storage : IStorage<ushort, float>
    {
        public static float Load(ushort v) => BFloat16.ToSingle(v);
        public static ushort Store(float v) => BFloat16.FromSingle(v);
    }

    private static void Scan<TStore, TAcc, TS>(ReadOnlySpan<TStore> x, Span<TStore> y, Geometry g)
        where TAcc : INumber<TAcc> where TS : IStorage<TStore, TAcc>
    {
        for (int o = 0; o < g.Outer; o++)
        {
            for (int i = 0; i < g.Inner; i++)
            {
                int start = o * g.Length * g.Inner + i;
                TAcc total = TOp.Identity<TAcc>();
                for (int step = 0; step < g.Length; step++)
                {
                    int k = g.Reverse ? g.Length - 1 - step : step;
                    int index = start + k * g.Inner;
                    TAcc value = TS.Load(x[index]);
                    if (g.Exclusive)
                    {
                        y[index] = TS.Store(total);
                        total = TOp.Combine(total, value);
                    }
                    else
                    {
                        total = TOp.Combine(total, value);
                        y[index] = TS.Store(total);
                    }
                }
            }
        }
    }
}
