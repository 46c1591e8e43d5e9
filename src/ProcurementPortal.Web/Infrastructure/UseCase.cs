using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>Field errors of a use case, keyed by the command's property name (the UI field id and the API field).</summary>
public sealed class Errors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public bool IsEmpty => _byField.Count == 0;

    public Errors Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var list))
        {
            _byField[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    /// <summary>Adds the message when the condition fails; returns the errors for chaining.</summary>
    public Errors Require(bool condition, string field, string message) => condition ? this : Add(field, message);

    /// <summary>
    /// The same errors with those of each date field in <paramref name="dateFields"/> keyed by its day box
    /// (<c>{field}Day</c>) instead: on a page, a date's error belongs where the error summary's link lands.
    /// </summary>
    public Errors OnDayBoxes(params string[] dateFields)
    {
        var moved = new Errors();
        foreach (var (field, messages) in _byField)
        {
            messages.ForEach(m => moved.Add(dateFields.Contains(field) ? field + "Day" : field, m));
        }
        return moved;
    }

    public IDictionary<string, string[]> ToDictionary() => _byField.ToDictionary(p => p.Key, p => p.Value.ToArray());

    public void CopyTo(ModelStateDictionary modelState)
    {
        foreach (var (field, messages) in _byField)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(field, message);
            }
        }
    }
}

/// <summary>What a use case handler returns: a value, field errors, or "not found" (which includes "not yours").</summary>
public readonly record struct Outcome<T>(T? Value, Errors? Errors, bool IsNotFound)
{
    public bool Succeeded => Errors is null && !IsNotFound;

    public static Outcome<T> Ok(T value) => new(value, null, false);

    public static Outcome<T> Invalid(Errors errors) => new(default, errors, false);

    public static Outcome<T> NotFound() => new(default, null, true);

    public static implicit operator Outcome<T>(Errors errors) => Invalid(errors);
}

public static class OutcomeResults
{
    /// <summary>The API's answer to an outcome: 404, a 400 validation problem with field errors, or <paramref name="ok"/>.</summary>
    public static ActionResult ToApiResult<T>(this ControllerBase controller, Outcome<T> outcome, Func<T, ActionResult> ok)
    {
        if (outcome.IsNotFound)
        {
            return controller.NotFound();
        }
        if (outcome.Errors is { } errors)
        {
            errors.CopyTo(controller.ModelState);
            return controller.ValidationProblem(controller.ModelState);
        }
        return ok(outcome.Value!);
    }

    /// <summary>The page's answer: 404, the form again with a GOV.UK error summary, or <paramref name="ok"/>.</summary>
    public static IActionResult ToPageResult<T>(this Controller controller, Outcome<T> outcome, Func<IActionResult> redisplay, Func<T, IActionResult> ok)
    {
        if (outcome.IsNotFound)
        {
            return controller.NotFound();
        }
        if (outcome.Errors is { } errors)
        {
            errors.CopyTo(controller.ModelState);
            return redisplay();
        }
        return ok(outcome.Value!);
    }
}
