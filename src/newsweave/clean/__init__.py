"""Cleaning: main-text extraction from pages, page-chrome removal, normalisation, language."""
