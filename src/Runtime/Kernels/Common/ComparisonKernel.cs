using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// A broadcasting comparison producing bool (Equal, Greater, Less, ...) over every numeric type,
/// bool and string. <typeparamref name="TOp"/> compares two numbers; strings compare by ordinal
/// (UTF-16 code unit) order, the sign of which is handed to <typeparamref name="TOp"/> against 0.
/// </summary>
public sealed class ComparisonKernel<TOp> : Kernel where TOp : INumericPredicate
{
    public static Kernel Create(KernelInfo info) => new ComparisonKernel<TOp>();

    public override void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var b = context.Input(1);
        var y = context.Output(0);
        if (a.Type != b.Type) throw context.Error($"input types differ: {DataTypeInfo.Name(a.Type)} and {DataTypeInfo.Name(b.Type)}");
        switch (a.Type)
        {
            case DataType.Float: BinaryLoops.Compare<float, TOp>(a, b, y); break;
            case DataType.Double: BinaryLoops.Compare<double, TOp>(a, b, y); break;
            case DataType.Float16: BinaryLoops.Compare<Half, TOp>(a, b, y); break;
            case DataType.Int8: BinaryLoops.Compare<sbyte, TOp>(a, b, y); break;
            case DataType.Int16: BinaryLoops.Compare<short, TOp>(a, b, y); break;
            case DataType.Int32: BinaryLoops.Compare<int, TOp>(a, b, y); break;
            case DataType.Int64: BinaryLoops.Compare<long, TOp>(a, b, y); break;
            case DataType.UInt8: BinaryLoops.Compare<byte, TOp>(a, b, y); break;
            case DataType.UInt16: BinaryLoops.Compare<ushort, TOp>(a, b, y); break;
            case DataType.UInt32: BinaryLoops.Compare<uint, TOp>(a, b, y); break;
            case DataType.UInt64: BinaryLoops.Compare<ulong, TOp>(a, b, y); break;
            case DataType.BFloat16:
                BinaryLoops.AllocateBroadcast(a, b, y, DataType.Bool);
                BinaryLoops.Map<ushort, bool, BFloat16Predicate>(a.ReadOnlySpan<ushort>(), a.Shape, b.ReadOnlySpan<ushort>(), b.Shape, y.Span<bool>(), y.Shape);
                break;
            case DataType.Bool:
                BinaryLoops.AllocateBroadcast(a, b, y, DataType.Bool);
                BinaryLoops.Map<byte, bool, BoolPredicate>(a.ReadOnlySpan<byte>(), a.Shape, b.ReadOnlySpan<byte>(), b.Shape, y.Span<bool>(), y.Shape);
                break;
            case DataType.String:
                BinaryLoops.AllocateBroadcast(a, b, y, DataType.Bool);
                BinaryLoops.Map<string, bool, StringPredicate>(a.Strings, a.Shape, b.Strings, b.Shape, y.Span<bool>(), y.Shape);
                break;
            default: throw context.Error($"element type {DataTypeInfo.Name(a.Type)} is not supported");
        }
    }

    private readonly struct BFloat16Predicate : BinaryLoops.IMap<ushort, bool>
    {
        public static bool Apply(ushort a, ushort b) => TOp.Apply(BFloat16.ToSingle(a), BFloat16.ToSingle(b));
    }

    private readonly struct BoolPredicate : BinaryLoops.IMap<byte, bool>
    {
        public static bool Apply(byte a, byte b) => TOp.Apply(a != 0 ? 1 : 0, b != 0 ? 1 : 0);
    }

    private readonly struct StringPredicate : BinaryLoops.IMap<string, bool>
    {
        public static bool Apply(string a, string b) => TOp.Apply(Math.Sign(string.CompareOrdinal(a, b)), 0);
    }
}
