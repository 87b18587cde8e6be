"""How close a block of lines is to the rest of the article (TF-IDF cosine, scikit-learn)."""

from __future__ import annotations


def block_similarity(block: list[str], body: list[str]) -> float:
    """Cosine similarity of ``block`` and ``body`` in a TF-IDF space fit on the article's lines.

    Fitting on the article's own lines gives words that run through the whole article (function
    words, the site's name) a low weight, so the score reflects shared subject matter.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    if not block or not body:
        return 0.0
    vec = TfidfVectorizer(sublinear_tf=True, token_pattern=r"(?u)\b\w\w+\b", lowercase=True)
    try:
        vec.fit(block + body)
        m = vec.transform([" ".join(block), " ".join(body)])
    except ValueError:  # nothing but stop characters
        return 0.0
    return float(cosine_similarity(m[0], m[1])[0, 0])
