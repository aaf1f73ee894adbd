using System.Numerics;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>BitwiseNot: ~x on the integer types.</summary>
public sealed class BitwiseNot : Kernel
{
    public static Kernel Create(KernelInfo info) => new BitwiseNot();

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        y.Allocate(x.Type, x.Shape);
        switch (x.Type)
        {
            case DataType.Int8: Run<sbyte>(x, y); break;
            case DataType.Int16: Run<short>(x, y); break;
            case DataType.Int32: Run<int>(x, y); break;
            case DataType.Int64: Run<long>(x, y); break;
            case DataType.UInt8: Run<byte>(x, y); break;
            case DataType.UInt16: Run<ushort>(x, y); break;
            case DataType.UInt32: Run<uint>(x, y); break;
            case DataType.UInt64: Run<ulong>(x, y); break;
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported (integers only)");
        }
    }

    private static void Run<T>(Tensor x, Tensor y) where T : unmanaged, IBinaryInteger<T>
    {
        var s = x.ReadOnlySpan<T>();
        var d = y.Span<T>();
        for (int i = 0; i < d.Length; i++) d[i] = ~s[i];
    }
}
