using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>A logical operation of two booleans (And, Or, Xor).</summary>
public interface ILogicalBinary
{
    static abstract bool Apply(bool a, bool b);
}

/// <summary>A broadcasting logical operator over bool tensors (any non-zero byte is true).</summary>
public sealed class LogicalBinaryKernel<TOp> : Kernel where TOp : ILogicalBinary
{
    public static Kernel Create(KernelInfo info) => new LogicalBinaryKernel<TOp>();

    public override void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var b = context.Input(1);
        var y = context.Output(0);
        if (a.Type != DataType.Bool || b.Type != DataType.Bool)
            throw context.Error($"inputs must be bool, not {DataTypeInfo.Name(a.Type)} and {DataTypeInfo.Name(b.Type)}");
        BinaryLoops.AllocateBroadcast(a, b, y, DataType.Bool);
        BinaryLoops.Map<byte, bool, Adapter>(a.ReadOnlySpan<byte>(), a.Shape, b.ReadOnlySpan<byte>(), b.Shape, y.Span<bool>(), y.Shape);
    }

    private readonly struct Adapter : BinaryLoops.IMap<byte, bool>
    {
        public static bool Apply(byte a, byte b) => TOp.Apply(a != 0, b != 0);
    }
}
