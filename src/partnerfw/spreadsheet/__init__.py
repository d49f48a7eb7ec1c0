"""spreadsheet"""
