using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>PRelu: x where x &gt;= 0, slope * x below. From opset 7 the slope broadcasts to x
/// (NumPy rules); before, a slope of one value is shared and a slope of C values holds one value
/// per channel, the channels being axis 1 of x.</summary>
public static class PRelu
{
    public static Kernel Create(KernelInfo info)
        => info.Version >= 7 ? NumericBinaryKernel<PReluOperator>.Create(info) : new ChannelSlopes(NumericBinaryKernel<PReluOperator>.Create(info));

    /// <summary>Opset 1 and 6: a 1-D slope whose length is x's channel count applies along axis 1;
    /// any other slope broadcasts as from opset 7.</summary>
    private sealed class ChannelSlopes(Kernel broadcasting) : Kernel
    {
        public override void Execute(KernelContext context)
        {
            var x = context.Input(0);
            var slope = context.Input(1);
            if (slope.Rank != 1 || slope.Length == 1 || x.Rank < 2 || slope.Length != x.Dim(1))
            {
                broadcasting.Execute(context);
                return;
            }
            if (slope.Type != x.Type) throw context.Error($"input types differ: {DataTypeInfo.Name(x.Type)} and {DataTypeInfo.Name(slope.Type)}");
            var y = context.Output(0);
            y.Allocate(x.Type, x.Shape);
            int channels = (int)x.Dim(1);
            int inner = (int)KernelHelpers.Product(x.Shape, 2, x.Rank);
            switch (x.Type)
            {
                case DataType.Float: Run<float>(x, slope, y, channels, inner); break;
                case DataType.Double: Run<double>(x, slope, y, channels, inner); break;
                case DataType.Float16: Run<Half>(x, slope, y, channels, inner); break;
                default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported (opset < 7 takes float types)");
            }
        }

        private static void Run<T>(Tensor x, Tensor slope, Tensor y, int channels, int inner) where T : unmanaged, INumber<T>
        {
            var s = x.ReadOnlySpan<T>();
            var k = slope.ReadOnlySpan<T>();
            var d = y.Span<T>();
            for (int i = 0; i < d.Length; i++) d[i] = PReluOperator.Apply(s[i], k[i / inner % channels]);
        }
    }
}

/// <summary>x where x &gt;= 0, slope * x below.</summary>
public readonly struct PReluOperator : INumericBinary
{
    public static T Apply<T>(T x, T slope) where T : INumber<T> => x < T.Zero ? slope * x : x;
}
