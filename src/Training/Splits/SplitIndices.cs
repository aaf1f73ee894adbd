namespace EdgeML.Training.Splits;

/// <summary>Row indices of the three splits; disjoint, together at most every row.</summary>
public sealed record SplitIndices(int[] Train, int[] Validation, int[] Test);
