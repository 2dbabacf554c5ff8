"""Staff accounts that resist attack: login lockouts (django-axes) and a second factor (django-otp).

See docs/staff-accounts.md for what staff and administrators see.
"""
