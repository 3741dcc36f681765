namespace VoixUsager.Reporting;

/// <summary>
/// A rate for <see cref="XlsxWorkbook"/>: the cell holds the fraction (0.725) as a number, so it can be
/// computed with, and shows it as a percentage (72,5 % in a French Excel).
/// </summary>
public readonly record struct Percent(double Fraction);
