"""Code taken from NLTK 3.10.4: the Punkt sentence tokenizer and the English Snowball stemmer.

``discourse`` uses two things from NLTK, and this package holds a copy of just those code
paths, so that no run imports ``nltk``:

* ``punkt.py``, from ``nltk/tokenize/punkt.py``: ``PunktSentenceTokenizer.span_tokenize``
  with given ``PunktParameters`` (the splitter of ``discourse.analyse.sentences``);
* ``snowball.py``, from ``nltk/stem/snowball.py`` (and ``suffix_replace`` from
  ``nltk/stem/util.py``): ``EnglishStemmer.stem``, what ``SnowballStemmer("english").stem``
  calls (the theme matcher's word stems).

Why a copy rather than the dependency:

* Start-up. ``import nltk.<anything>`` first runs NLTK's package ``__init__``, which imports
  hundreds of modules: 0.21 to 0.40 s of every run and of every ``--jobs`` worker (measured
  on a one-page ``analyse``), before any work, for two algorithms whose code is a few hundred
  lines.
* Results that do not change when NLTK is upgraded. Sentences and stems feed every table;
  a new NLTK release must not silently move a sentence boundary or a theme hit. NLTK 3.10,
  for one, moved Punkt's regular expressions to the third-party ``regex`` engine behind a
  timeout wrapper (``nltk.redos``), whose character classes are not those of ``re``.

The algorithms' code is NLTK's, line for line, with the same class and method names so that
it can be read side by side with NLTK's; what was left out (training, pickling, loading and
saving, debugging and demos, stop words, other languages) and what was changed (``re``
instead of ``nltk.redos``, type annotations) is listed at the top of each module. The code
is NLTK's under the Apache License 2.0: ``LICENSE`` and ``NOTICE`` in this folder.
``tests/test_vendor.py`` checks both modules against the installed NLTK.
"""
