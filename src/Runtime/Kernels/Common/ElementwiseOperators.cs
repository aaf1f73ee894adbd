using System.Numerics;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>A binary operation on any number type (Add, Mul, Max, ...). Implementations are
/// structs, passed as type arguments, so the operation is inlined into the loop.</summary>
public interface INumericBinary
{
    static abstract T Apply<T>(T a, T b) where T : INumber<T>;
}

/// <summary>A binary comparison producing a bool.</summary>
public interface INumericPredicate
{
    static abstract bool Apply<T>(T a, T b) where T : INumber<T>;
}

/// <summary>A unary operation on any number type (Neg, Abs, ...).</summary>
public interface INumericUnary
{
    static abstract T Apply<T>(T x) where T : INumber<T>;
}

/// <summary>A unary operation on floating-point types (Exp, Sin, Sigmoid, ...).</summary>
public interface IFloatUnary
{
    static abstract T Apply<T>(T x) where T : IFloatingPointIeee754<T>;
}
