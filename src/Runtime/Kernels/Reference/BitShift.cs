using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>BitShift: a shifted left or right (attribute <c>direction</c>, "LEFT" or "RIGHT") by b bits,
/// with broadcasting. Shifting by the type's width or more gives 0 (the C and .NET shifts would
/// mask the count instead).</summary>
public static class BitShift
{
    public static Kernel Create(KernelInfo info) => info.Attributes.GetString("direction", "") switch
    {
        "LEFT" => BitwiseBinaryKernel<ShiftLeftOperator>.Create(info),
        "RIGHT" => BitwiseBinaryKernel<ShiftRightOperator>.Create(info),
        var s => throw info.Error($"direction '{s}' is not LEFT or RIGHT"),
    };

    internal static bool ShiftsOut<T>(T count) where T : IBinaryInteger<T>
        => T.IsNegative(count) || ulong.CreateTruncating(count) >= (ulong)(T.Zero.GetByteCount() * 8);
}

public readonly struct ShiftLeftOperator : IBitwiseBinary
{
    public static T Apply<T>(T a, T b) where T : IBinaryInteger<T> => BitShift.ShiftsOut(b) ? T.Zero : a << int.CreateTruncating(b);
}

public readonly struct ShiftRightOperator : IBitwiseBinary
{
    public static T Apply<T>(T a, T b) where T : IBinaryInteger<T> => BitShift.ShiftsOut(b) ? T.Zero : a >>> int.CreateTruncating(b);
}
