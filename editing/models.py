from django.db import models


class MedicalWord(models.Model):
    """A medical word that needs a plain explanation where an article first uses it, and the plain words
    for it. The checks before publishing (editing/checks.py) point out a first use without them."""

    word = models.CharField(
        max_length=100,
        unique=True,
        help_text="The medical word as an article would write it, such as “neutropenia”. A plural with -s matches too.",
    )
    plain = models.CharField(
        max_length=200,
        help_text="Plain words for it that an article can use in the same sentence, such as “low neutrophil count”.",
    )

    class Meta:
        ordering = ["word"]

    def __str__(self):
        return self.word
