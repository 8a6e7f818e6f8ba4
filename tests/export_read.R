# R's readr (Debian's r-cran-readr) reads sitrep's CSV exports with no
# options and gets the right types: counts and codes as numbers, CAMEO
# codes as text, no country read as missing (Namibia's "NA").
#     Rscript tests/export_read.R FILE.csv...
# Prints one line a file; exits 1 when a file is read wrong.
suppressMessages(library(readr))
bad <- 0
for (path in commandArgs(trailingOnly = TRUE)) {
    d <- suppressWarnings(read_csv(path, show_col_types = FALSE, progress = FALSE))
    problems <- character(0)
    if (nrow(problems(d)) > 0) problems <- c(problems, sprintf("%d parse problems", nrow(problems(d))))
    if (nrow(d) == 0) problems <- c(problems, "no rows")
    for (col in c("year", "time_precision", "inter1", "inter2", "interaction", "iso", "fatalities", "timestamp")) {
        v <- d[[col]]
        # an event whose date no text gives has no year
        if (col == "year") v <- v[!is.na(d[["event_date"]])]
        if (!is.numeric(v) || any(is.na(v)) || any(v != round(v)))
            problems <- c(problems, sprintf("%s is not whole numbers (%s)", col, class(v)[1]))
    }
    for (col in c("event_id_cnty", "disorder_type", "event_type", "sub_event_type", "country", "notes"))
        if (!is.character(d[[col]])) problems <- c(problems, sprintf("%s is not text (%s)", col, class(d[[col]])[1]))
    if (!inherits(d[["event_date"]], "Date")) problems <- c(problems, "event_date is not a date")
    if (any(is.na(d[["country"]]))) problems <- c(problems, "a country read as missing")
    if ("cameo" %in% names(d) && !is.character(d[["cameo"]])) problems <- c(problems, "cameo is not text")
    cat(sprintf("%s: %d rows, %d columns: %s\n", path, nrow(d), ncol(d),
                if (length(problems)) paste(problems, collapse = "; ") else "types right"))
    if (length(problems)) bad <- bad + 1
}
quit(status = if (bad) 1 else 0)
